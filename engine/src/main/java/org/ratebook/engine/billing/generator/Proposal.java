package org.ratebook.engine.billing.generator;

import java.util.List;

/** What is due on the target date: spans to price and repairs of earlier items. */
public record Proposal(List<Span> charges, List<Repair> repairs) {
    public Proposal {
        charges = List.copyOf(charges);
        repairs = List.copyOf(repairs);
    }

    public boolean isEmpty() {
        return charges.isEmpty() && repairs.isEmpty();
    }
}
