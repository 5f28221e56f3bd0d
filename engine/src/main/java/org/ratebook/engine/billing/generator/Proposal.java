package org.ratebook.engine.billing.generator;

import java.util.List;

/**
 * What is due on the target date: spans to price and repairs of earlier items; and, for the record, the due
 * spans an earlier run already billed.
 */
public record Proposal(List<Span> charges, List<Repair> repairs, List<Span> alreadyBilled) {
    public Proposal {
        charges = List.copyOf(charges);
        repairs = List.copyOf(repairs);
        alreadyBilled = List.copyOf(alreadyBilled);
    }

    public boolean isEmpty() {
        return charges.isEmpty() && repairs.isEmpty();
    }
}
