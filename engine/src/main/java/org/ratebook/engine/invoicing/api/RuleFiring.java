package org.ratebook.engine.invoicing.api;

import java.util.List;

/** One entry of a decision trace as stored with an invoice: a rule that fired and the facts it matched. */
public record RuleFiring(int order, String category, String rule, List<String> matched) {
    public RuleFiring {
        matched = List.copyOf(matched);
    }
}
