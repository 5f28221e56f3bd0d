package org.ratebook.rules.decision;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.money.Rounding;
import org.ratebook.rules.rating.ChargeRating;
import org.ratebook.rules.rating.Rated;
import org.ratebook.rules.rating.TierCharge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** What a usage line says beyond a charge: its meter and unit, its breakdown and the period's events. */
    record UsageDetail(String meter, String unit, List<TierCharge> tiers, long transactions) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final Map<Integer, UsageDetail> usageByLine = new LinkedHashMap<>();
    private final List<UsageSpike> spikes = new ArrayList<>();
    private String firingRule;
    private final RoundingMode rounding;
    private final List<UsageTier> usageTiers;

    public Decisions() {
        this(RoundingMode.HALF_UP);
    }

    /** Decisions rounded with the pack's rounding mode. */
    public Decisions(RoundingMode rounding) {
        this(rounding, List.of());
    }

    /** Decisions rounded with the pack's rounding mode, pricing usage with the pack's tier table. */
    public Decisions(RoundingMode rounding, List<UsageTier> usageTiers) {
        this.rounding = rounding;
        this.usageTiers = List.copyOf(usageTiers);
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

    /**
     * The period's usage priced by the charge (with its tiers from the pack), rounded once: a USAGE line, and a
     * TRUE_UP line for what falls short of the charge's commitment. A period invoiced before (late or corrected
     * usage) is re-rated whole and only the difference to what was billed for it becomes an ADJUSTMENT line
     * naming the period; no difference, no line (returns null). Returns the usage or adjustment line.
     */
    public Charge usage(UsagePeriod period, UsageCharge charge) {
        if (!charge.currency().equals(period.currency()) || !charge.meter().equals(period.meter())
                || !charge.plan().equals(period.plan())) {
            throw new DecisionException("rule '" + firingRule + "' priced " + period.meter() + " usage of plan "
                    + period.plan() + " in " + period.currency() + " with usage charge " + charge.charge() + " ("
                    + charge.meter() + " of plan " + charge.plan() + " in " + charge.currency() + ")");
        }
        Rated rated;
        try {
            rated = ChargeRating.rate(charge, usageTiers, period.quantity(), period.events(), period.transactions());
        } catch (IllegalArgumentException e) {
            throw new DecisionException("rule '" + firingRule + "': " + e.getMessage());
        }
        Currency currency = Currency.getInstance(charge.currency());
        int scale = currency.getDefaultFractionDigits();
        BigDecimal amount = rated.amount().setScale(scale, rounding);
        BigDecimal shortfall = charge.commitment() == null ? BigDecimal.ZERO.setScale(scale)
                : charge.commitment().setScale(scale, rounding).subtract(amount).max(BigDecimal.ZERO);
        UsageDetail detail = new UsageDetail(period.meter(), period.unit(), rated.breakdown(), period.events());
        if (!period.rerated()) {
            Charge usage = add(new Charge(charges.size() + 1, period.subscriptionId(), "USAGE",
                    charge.name() + " (" + rated.summary() + free(charge) + ")", period.from(), period.to(),
                    period.quantity(), rated.unitPrice(), amount, charge.currency()), detail);
            if (shortfall.signum() > 0) {
                add(new Charge(charges.size() + 1, period.subscriptionId(), "TRUE_UP",
                        charge.name() + " commitment true-up (minimum " + charge.commitment().toPlainString() + ")",
                        period.from(), period.to(), BigDecimal.ONE, shortfall, shortfall, charge.currency()),
                        new UsageDetail(period.meter(), period.unit(), List.of(), period.events()));
            }
            return usage;
        }
        BigDecimal difference = amount.add(shortfall).subtract(period.billedAmount().setScale(scale, rounding));
        if (difference.signum() == 0) {
            return null;
        }
        String was = period.billedQuantity() == null ? "" : ", billed before "
                + period.billedQuantity().stripTrailingZeros().toPlainString();
        return add(new Charge(charges.size() + 1, period.subscriptionId(), "ADJUSTMENT",
                "Adjustment of " + charge.name() + " for " + DAY.format(period.from()) + " to "
                        + DAY.format(lastDay(period)) + " (re-rated " + period.quantity().stripTrailingZeros()
                        .toPlainString() + " " + period.unit() + was + ")",
                period.from(), period.to(), period.quantity(), rated.unitPrice(), difference, charge.currency()),
                detail);
    }

    /**
     * Flags the period's usage as unusual, with a reason for whoever looks at it (the console, a webhook). The
     * invoice is not changed; a period is flagged at most once per question.
     */
    public void spike(UsagePeriod period, String reason) {
        if (spikes.stream().anyMatch(s -> s.subscriptionId().equals(period.subscriptionId())
                && s.meter().equals(period.meter()) && s.from().equals(period.from()))) {
            return;
        }
        spikes.add(new UsageSpike(period.subscriptionId(), period.meter(), period.from(), period.to(),
                period.quantity(), period.trailingAverage(), reason, firingRule));
    }

    List<UsageSpike> spikes() {
        return List.copyOf(spikes);
    }

    private static LocalDate lastDay(UsagePeriod period) {
        return period.to().isAfter(period.from()) ? period.to().minusDays(1) : period.to();
    }

    private static String free(UsageCharge charge) {
        return charge.freeUnits() == null || charge.freeUnits().signum() == 0 ? ""
                : ", first " + charge.freeUnits().stripTrailingZeros().toPlainString() + " free";
    }

    private Charge add(Charge charge, UsageDetail detail) {
        usageByLine.put(charge.lineNo(), detail);
        return add(charge);
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
            UsageDetail usage = usageByLine.get(c.lineNo());
            lines.add(new DecidedLine(c.lineNo(), c.subscriptionId(), c.itemType(), c.description(), c.from(),
                    c.to(), c.quantity(), c.unitPrice(), c.amount(),
                    tax == null ? BigDecimal.ZERO : tax.ratePercent(),
                    tax == null ? zero : tax.amount(),
                    tax == null ? "no tax rule matched" : tax.label(),
                    rulesByLine.getOrDefault(c.lineNo(), List.of()),
                    usage == null ? null : usage.meter(), usage == null ? null : usage.unit(),
                    usage == null ? List.of() : usage.tiers(), usage == null ? null : usage.transactions()));
        }
        return lines;
    }
}
