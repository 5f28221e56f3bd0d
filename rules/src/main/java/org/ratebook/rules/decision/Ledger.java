package org.ratebook.rules.decision;

import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.rating.TierCharge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charges of one invoice question as the pricing and rating stages decide them, numbered in the order
 * they are made, with the rules that made each. Later stages see them as immutable {@link Charge} facts.
 */
final class Ledger {

    /** What a usage line says beyond a charge: its meter and unit, its breakdown and the period's events. */
    record UsageDetail(String meter, String unit, List<TierCharge> tiers, long transactions) {
    }

    private final List<Charge> charges = new ArrayList<>();
    private final Map<Integer, List<String>> rulesByLine = new LinkedHashMap<>();
    private final Map<Integer, UsageDetail> usageByLine = new LinkedHashMap<>();
    private final RuleFiring firing;

    Ledger(RuleFiring firing) {
        this.firing = firing;
    }

    int nextLineNo() {
        return charges.size() + 1;
    }

    Charge add(Charge charge) {
        charges.add(charge);
        stamp(charge.lineNo(), firing.rule());
        return charge;
    }

    Charge add(Charge charge, UsageDetail detail) {
        usageByLine.put(charge.lineNo(), detail);
        return add(charge);
    }

    /** Puts {@code charge} in place of the charge with its line number (a price settled after the rules). */
    void replace(Charge charge) {
        for (int i = 0; i < charges.size(); i++) {
            if (charges.get(i).lineNo() == charge.lineNo()) {
                charges.set(i, charge);
            }
        }
    }

    /** Records that {@code rule} decided line {@code lineNo}, once, in firing order. */
    void stamp(int lineNo, String rule) {
        if (rule != null) {
            List<String> rules = rulesByLine.computeIfAbsent(lineNo, n -> new ArrayList<>());
            if (!rules.contains(rule)) {
                rules.add(rule);
            }
        }
    }

    List<Charge> charges() {
        return List.copyOf(charges);
    }

    int size() {
        return charges.size();
    }

    List<String> rules(int lineNo) {
        return rulesByLine.getOrDefault(lineNo, List.of());
    }

    UsageDetail usage(int lineNo) {
        return usageByLine.get(lineNo);
    }
}
