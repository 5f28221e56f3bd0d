package org.ratebook.rules.decision;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.money.Rounding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only thing a rule may write to (DRL global {@code decisions}). Every method records the decision and
 * stamps it with the rule that is firing, so each line knows which rules produced it. Rounding happens here,
 * never in DRL.
 */
public final class Decisions {

    /** A tax decision on one charge. */
    record Tax(BigDecimal ratePercent, BigDecimal amount, String label, String rule) {
    }

    private final List<Charge> charges = new ArrayList<>();
    private final Map<Integer, List<String>> rulesByLine = new LinkedHashMap<>();
    private final Map<Integer, Tax> taxByLine = new LinkedHashMap<>();
    private String firingRule;
    private ChangeTiming changeTiming;
    private String changeTimingRule;
    private final RoundingMode rounding;

    public Decisions() {
        this(RoundingMode.HALF_UP);
    }

    /** Decisions rounded with the pack's rounding mode. */
    public Decisions(RoundingMode rounding) {
        this.rounding = rounding;
    }

    void enterRule(String rule) {
        firingRule = rule;
    }

    void leaveRule() {
        firingRule = null;
    }

    /**
     * A recurring charge for the span at the plan's price times the subscription's quantity, prorated to the
     * span's part of its billing period and rounded once.
     */
    public Charge recurring(SubscriptionPeriod period, CatalogPlan plan) {
        if (!plan.currency().equals(period.currency())) {
            throw new DecisionException("rule '" + firingRule + "' priced a " + period.currency()
                    + " subscription with a " + plan.currency() + " price");
        }
        BigDecimal quantity = BigDecimal.valueOf(period.quantity());
        BigDecimal amount = plan.price().multiply(quantity).multiply(BigDecimal.valueOf(period.numerator()))
                .divide(BigDecimal.valueOf(period.denominator()), MathContext.DECIMAL128)
                .setScale(Currency.getInstance(plan.currency()).getDefaultFractionDigits(), rounding);
        String mode = switch (plan.mode()) {
            case IN_ADVANCE -> "in advance";
            case IN_ARREAR -> "in arrear";
        };
        String description = plan.product() + " " + plan.code() + " ("
                + plan.period().name().toLowerCase(java.util.Locale.ROOT) + ", " + mode
                + (period.prorated() ? ", " + period.numerator() + "/" + period.denominator() + " of the period" : "")
                + ")";
        return add(new Charge(charges.size() + 1, period.subscriptionId(), "RECURRING", description,
                period.from(), period.to(), quantity, plan.price(), amount, plan.currency()));
    }

    /** The one-time price of a phase billed once (a trial's 0.00, a setup fee) times the quantity. */
    public Charge fixed(SubscriptionPeriod period, CatalogPlan plan) {
        if (!plan.currency().equals(period.currency())) {
            throw new DecisionException("rule '" + firingRule + "' priced a " + period.currency()
                    + " subscription with a " + plan.currency() + " price");
        }
        BigDecimal quantity = BigDecimal.valueOf(period.quantity());
        BigDecimal amount = plan.price().multiply(quantity)
                .setScale(Currency.getInstance(plan.currency()).getDefaultFractionDigits(), rounding);
        return add(new Charge(charges.size() + 1, period.subscriptionId(), "FIXED",
                plan.product() + " " + plan.code() + " (" + plan.phase() + ")", period.from(), period.to(), quantity,
                plan.price(), amount, plan.currency()));
    }

    /** A one-off charge at the amount entered for it (a setup fee, an hour of support), times its quantity. */
    public Charge oneOff(OneOffCharge charge) {
        Currency currency = Currency.getInstance(charge.currency());
        BigDecimal amount = charge.unitPrice().multiply(charge.quantity())
                .setScale(currency.getDefaultFractionDigits(), rounding);
        return add(new Charge(charges.size() + 1, null, "ONE_OFF", charge.description(), charge.on(), null,
                charge.quantity(), charge.unitPrice(), amount, charge.currency(), charge.chargeId()));
    }

    /** When a requested change takes effect; a later decision replaces an earlier one. */
    public void takeEffect(PlanChange change, ChangeTiming timing) {
        if (change == null || timing == null) {
            throw new DecisionException("rule '" + firingRule + "' timed a change without saying which or when");
        }
        changeTiming = timing;
        changeTimingRule = firingRule;
    }

    ChangeTiming changeTiming() {
        return changeTiming;
    }

    String changeTimingRule() {
        return changeTimingRule;
    }

    private Charge add(Charge charge) {
        charges.add(charge);
        stamp(charge.lineNo());
        return charge;
    }

    /** Tax at {@code ratePercent} on one charge, rounded per line; a later decision replaces an earlier one. */
    public void tax(Charge charge, BigDecimal ratePercent, String label) {
        BigDecimal amount = charge.amount().multiply(ratePercent, MathContext.DECIMAL128).movePointLeft(2)
                .setScale(Currency.getInstance(charge.currency()).getDefaultFractionDigits(), rounding);
        taxByLine.put(charge.lineNo(), new Tax(ratePercent, amount, label, firingRule));
        stamp(charge.lineNo());
    }

    // --- suspension (dunning): a state and its actions per matching rule; the most severe state wins ---

    /** One state decided by the suspension rules, with the actions and the rules that decided it. */
    private record Standing(Set<DunningAction> actions, List<String> rules) {
    }

    private final Map<DunningState, Standing> standings = new EnumMap<>(DunningState.class);

    /** The account is in {@code state}, with no action of its own. */
    public void standing(DunningState state) {
        standing(state, EnumSet.noneOf(DunningAction.class));
    }

    /** The account is in {@code state}, which makes {@code action} happen. */
    public void standing(DunningState state, DunningAction action) {
        standing(state, EnumSet.of(action));
    }

    public void standing(DunningState state, DunningAction first, DunningAction second) {
        standing(state, EnumSet.of(first, second));
    }

    public void standing(DunningState state, DunningAction first, DunningAction second, DunningAction third) {
        standing(state, EnumSet.of(first, second, third));
    }

    public void standing(DunningState state, DunningAction first, DunningAction second, DunningAction third,
                         DunningAction fourth) {
        standing(state, EnumSet.of(first, second, third, fourth));
    }

    private void standing(DunningState state, Set<DunningAction> actions) {
        if (state == null || actions.contains(null)) {
            throw new DecisionException("rule '" + firingRule + "' decided a standing without a state or action");
        }
        if (state == DunningState.GOOD && !actions.isEmpty()) {
            throw new DecisionException("rule '" + firingRule + "' gave good standing the actions " + actions
                    + "; good standing has none");
        }
        Standing decided = standings.computeIfAbsent(state,
                s -> new Standing(EnumSet.noneOf(DunningAction.class), new ArrayList<>()));
        decided.actions().addAll(actions);
        if (firingRule != null && !decided.rules().contains(firingRule)) {
            decided.rules().add(firingRule);
        }
    }

    /** The most severe state any rule decided, with the actions of the rules that decided it; GOOD if none did. */
    StandingDecision standingDecision(DecisionTrace trace) {
        return standings.keySet().stream().max(Enum::compareTo)
                .map(state -> new StandingDecision(state, List.copyOf(standings.get(state).actions()),
                        standings.get(state).rules(), trace))
                .orElseGet(() -> new StandingDecision(DunningState.GOOD, List.of(), List.of(), trace));
    }

    private void stamp(int lineNo) {
        if (firingRule != null) {
            List<String> rules = rulesByLine.computeIfAbsent(lineNo, n -> new ArrayList<>());
            if (!rules.contains(firingRule)) {
                rules.add(firingRule);
            }
        }
    }

    List<Charge> charges() {
        return List.copyOf(charges);
    }

    List<DecidedLine> lines() {
        List<DecidedLine> lines = new ArrayList<>();
        for (Charge c : charges) {
            Tax tax = taxByLine.get(c.lineNo());
            BigDecimal zero = Rounding.toCurrencyScale(BigDecimal.ZERO, Currency.getInstance(c.currency()));
            lines.add(new DecidedLine(c.lineNo(), c.subscriptionId(), c.itemType(), c.description(), c.from(),
                    c.to(), c.quantity(), c.unitPrice(), c.amount(),
                    tax == null ? BigDecimal.ZERO : tax.ratePercent(),
                    tax == null ? zero : tax.amount(),
                    tax == null ? "no tax rule matched" : tax.label(),
                    rulesByLine.getOrDefault(c.lineNo(), List.of()), c.reference()));
        }
        return lines;
    }
}
