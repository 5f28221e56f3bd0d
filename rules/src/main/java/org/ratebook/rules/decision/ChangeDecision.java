package org.ratebook.rules.decision;

import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;

import java.util.Optional;

/**
 * The change policy's answer: when the change takes effect and the rule that said so, what an immediate change
 * does with its proration and the rule that said so (empty: no rule decided), and the trace.
 */
public record ChangeDecision(Optional<ChangeTiming> timing, Optional<String> rule,
                             Optional<ProrationBehaviour> proration, Optional<String> prorationRule,
                             DecisionTrace trace) {

    public ChangeDecision(Optional<ChangeTiming> timing, Optional<String> rule, DecisionTrace trace) {
        this(timing, rule, Optional.empty(), Optional.empty(), trace);
    }
}
