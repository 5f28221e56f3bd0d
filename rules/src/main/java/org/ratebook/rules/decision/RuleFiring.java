package org.ratebook.rules.decision;

/**
 * The rule that is firing, so that every output a rule writes is stamped with its name, and a mistake in a
 * pack is reported with the rule that made it.
 */
final class RuleFiring {

    private String rule;

    void enter(String name) {
        rule = name;
    }

    void leave() {
        rule = null;
    }

    /** The firing rule's name, null outside a firing (settlement). */
    String rule() {
        return rule;
    }

    /** A mistake of the pack, naming the rule that made it. */
    DecisionException mistake(String what) {
        return new DecisionException("rule '" + rule + "' " + what);
    }
}
