package org.ratebook.rules.decision;

import org.ratebook.rules.fact.ChangeTiming;

import java.util.Optional;

/** The change policy's answer: when the change takes effect, the rule that said so, and the trace. */
public record ChangeDecision(Optional<ChangeTiming> timing, Optional<String> rule, DecisionTrace trace) {
}
