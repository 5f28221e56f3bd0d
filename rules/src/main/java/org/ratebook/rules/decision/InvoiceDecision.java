package org.ratebook.rules.decision;

import java.util.List;

/** The rules' answer to an {@link InvoiceQuestion}: the lines and the trace of how they were decided. */
public record InvoiceDecision(String currency, List<DecidedLine> lines, DecisionTrace trace) {
    public InvoiceDecision {
        lines = List.copyOf(lines);
    }
}
