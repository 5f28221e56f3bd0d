package org.ratebook.engine.rulepack.domain;

import org.ratebook.engine.BillingRejection;

import java.util.List;

/** A rule-pack command refused; {@link #problems()} lists each reason (for DRL: file and line). */
public class InvalidRulePackException extends BillingRejection {
    private final List<String> problems;

    public InvalidRulePackException(String message, List<String> problems) {
        super(message + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        this.problems = List.copyOf(problems);
    }

    public InvalidRulePackException(String message) {
        this(message, List.of());
    }

    public List<String> problems() {
        return problems;
    }
}
