package org.ratebook.rules.decision;

import java.util.List;

/**
 * The rules' answer to an {@link InvoiceQuestion}: the lines, the usage the rules flagged as unusual, and the
 * trace of how they were decided.
 */
public record InvoiceDecision(String currency, List<DecidedLine> lines, DecisionTrace trace, List<UsageSpike> spikes) {
    public InvoiceDecision {
        lines = List.copyOf(lines);
        spikes = spikes == null ? List.of() : List.copyOf(spikes);
    }

    public InvoiceDecision(String currency, List<DecidedLine> lines, DecisionTrace trace) {
        this(currency, lines, trace, List.of());
    }
}
