package org.ratebook.rules.decision;

import java.util.List;

/** Why a question got its answer: which pack version and content, and which rules fired in which order. */
public record DecisionTrace(String packName, int packVersion, String packHash, List<FiredRule> fired) {
    public DecisionTrace {
        fired = List.copyOf(fired);
    }
}
