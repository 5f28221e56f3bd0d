package org.ratebook.rules.decision;

import org.ratebook.rules.pack.RuleCategory;

import java.util.List;

/** One rule firing: its place in the run, its category, its name, and the facts it matched. */
public record FiredRule(int order, RuleCategory category, String rule, List<String> matched) {
    public FiredRule {
        matched = List.copyOf(matched);
    }
}
