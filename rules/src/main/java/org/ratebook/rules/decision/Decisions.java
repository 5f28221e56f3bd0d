package org.ratebook.rules.decision;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.DunningThreshold;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.TaxRate;
import org.ratebook.rules.pack.TaxRounding;
import org.ratebook.rules.pack.TaxSettings;
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
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The only thing a rule may write to (DRL global {@code decisions}). Every method records the decision and
 * stamps it with the rule that is firing, so each line knows which rules produced it. Rounding happens here,
 * never in DRL.
 *
 * <p>Discounts are settled once the discount rules have run, in a fixed order whatever order the rules fired
 * in: percentages, each of the charge's own amount; then fixed amounts on one charge; then fixed-amount
 * coupons, once per invoice over the charges they cover in line order. Within each, the pack's own discounts
 * come before coupons, then by label. Each takes at most what is left of the
 * charge, so no charge, and no invoice, goes below zero. A discount becomes a negative DISCOUNT line that is
 * taxed like the line it discounts: the tax of a charge and its discounts together is the tax of their net
 * amount, rounded once (per line), or, with {@code tax_rounding=INVOICE}, the tax of each rate's net total,
 * rounded once and shared out over its lines.
 */
public final class Decisions {

    /** A tax decision on one charge: the rate and the words printed with it. */
    record Tax(BigDecimal ratePercent, String label, String rule) {
    }

    /** A discount a rule asked for; settled after the discount stage. */
    private record Requested(Charge charge, DiscountKind kind, BigDecimal value, String label, String coupon,
                             String rule) {
    }

    /** A settled discount: a negative amount (before tax) on the charge it discounts. */
    record Discount(Charge charge, BigDecimal amount, String label, String coupon, String rule) {
    }

    private final List<Charge> charges = new ArrayList<>();
    private final Map<Integer, List<String>> rulesByLine = new LinkedHashMap<>();
    private final Map<Integer, Tax> taxByLine = new LinkedHashMap<>();
    private final List<Requested> requested = new ArrayList<>();
    private final List<Discount> discounts = new ArrayList<>();
    private boolean settled;
    /** What a usage line says beyond a charge: its meter and unit, its breakdown and the period's events. */
    record UsageDetail(String meter, String unit, List<TierCharge> tiers, long transactions) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final Map<Integer, UsageDetail> usageByLine = new LinkedHashMap<>();
    private final List<UsageSpike> spikes = new ArrayList<>();
    private String firingRule;
    private ChangeTiming changeTiming;
    private String changeTimingRule;
    private final RoundingMode rounding;
    private final TaxSettings taxSettings;
    private final List<UsageTier> usageTiers;

    public Decisions() {
        this(RoundingMode.HALF_UP);
    }

    /** Decisions rounded with the pack's rounding mode. */
    public Decisions(RoundingMode rounding) {
        this(rounding, TaxSettings.DEFAULT, List.of());
    }

    /** Decisions rounded with the pack's rounding mode, taxed by its tax settings. */
    public Decisions(RoundingMode rounding, TaxSettings taxSettings) {
        this(rounding, taxSettings, List.of());
    }

    /** Decisions rounded with the pack's rounding mode, pricing usage with the pack's tier table. */
    public Decisions(RoundingMode rounding, List<UsageTier> usageTiers) {
        this(rounding, TaxSettings.DEFAULT, usageTiers);
    }

    /** Decisions rounded with the pack's rounding mode, taxed by its tax settings, usage priced by its tiers. */
    public Decisions(RoundingMode rounding, TaxSettings taxSettings, List<UsageTier> usageTiers) {
        this.rounding = rounding;
        this.taxSettings = taxSettings == null ? TaxSettings.DEFAULT : taxSettings;
        this.usageTiers = usageTiers == null ? List.of() : List.copyOf(usageTiers);
    }

    void enterRule(String rule) {
        firingRule = rule;
    }

    void leaveRule() {
        firingRule = null;
    }

    /**
     * A recurring charge for the span at the plan's price times the subscription's quantity, prorated to the
     * span's part of its billing period and rounded once. {@code plan} is a row of the DEFAULT price list (the
     * rows the pricing rules see); the price list chosen for the span and a price kept from sign-up are applied
     * once the pricing rules have all fired ({@link #settlePrices}), whatever order they fired in.
     */
    public Charge recurring(SubscriptionPeriod period, CatalogPlan plan) {
        requireSameCurrency(period, plan);
        Charge charge = add(recurringCharge(charges.size() + 1, period, plan, ""));
        pricedByLine.put(charge.lineNo(), new Priced(period, plan, true));
        return charge;
    }

    private void requireSameCurrency(SubscriptionPeriod period, CatalogPlan plan) {
        if (!plan.currency().equals(period.currency())) {
            throw new DecisionException("rule '" + firingRule + "' priced a " + period.currency()
                    + " subscription with a " + plan.currency() + " price");
        }
    }

    private Charge recurringCharge(int lineNo, SubscriptionPeriod period, CatalogPlan plan, String note) {
        BigDecimal quantity = BigDecimal.valueOf(period.quantity());
        BigDecimal amount = plan.price().multiply(quantity).multiply(BigDecimal.valueOf(period.numerator()))
                .divide(BigDecimal.valueOf(period.denominator()), MathContext.DECIMAL128)
                .setScale(Currency.getInstance(plan.currency()).getDefaultFractionDigits(), rounding);
        String mode = switch (plan.mode()) {
            case IN_ADVANCE -> "in advance";
            case IN_ARREAR -> "in arrear";
        };
        if (plan.period() == org.ratebook.rules.fact.BillingPeriod.HOURLY) {
            // a price per hour: the quantity is the hours served in the span (whole days), times the units
            BigDecimal hours = BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(period.from(),
                    period.to()) * 24L).multiply(quantity);
            // a price per N hours ("every 4 hours") buys N of the hours served
            BigDecimal hourly = plan.price().multiply(hours)
                    .divide(BigDecimal.valueOf(plan.every()), MathContext.DECIMAL128)
                    .setScale(Currency.getInstance(plan.currency()).getDefaultFractionDigits(), rounding);
            return new Charge(lineNo, period.subscriptionId(), "RECURRING", plan.product() + " "
                    + plan.code() + " (hourly, " + mode + ", " + hours.toPlainString() + " hours"
                    + (plan.every() == 1 ? "" : ", priced per " + plan.every() + " hours") + ")" + note,
                    period.from(), period.to(), hours, plan.price(), hourly, plan.currency(), plan.code(), null,
                    Charge.HOURS);
        }
        String description = plan.product() + " " + plan.code() + " ("
                + plan.cadence().describe() + ", " + mode
                + (period.prorated() ? ", " + period.numerator() + "/" + period.denominator() + " of the period" : "")
                + ")" + note;
        return new Charge(lineNo, period.subscriptionId(), "RECURRING", description,
                period.from(), period.to(), quantity, plan.price(), amount, plan.currency(), plan.code());
    }

    /** The one-time price of a phase billed once (a trial's 0.00, a setup fee) times the quantity. */
    public Charge fixed(SubscriptionPeriod period, CatalogPlan plan) {
        requireSameCurrency(period, plan);
        Charge charge = add(fixedCharge(charges.size() + 1, period, plan, ""));
        pricedByLine.put(charge.lineNo(), new Priced(period, plan, false));
        return charge;
    }

    private Charge fixedCharge(int lineNo, SubscriptionPeriod period, CatalogPlan plan, String note) {
        BigDecimal quantity = BigDecimal.valueOf(period.quantity());
        BigDecimal amount = plan.price().multiply(quantity)
                .setScale(Currency.getInstance(plan.currency()).getDefaultFractionDigits(), rounding);
        return new Charge(lineNo, period.subscriptionId(), "FIXED",
                plan.product() + " " + plan.code() + " (" + plan.phase() + ")" + note, period.from(), period.to(),
                quantity, plan.price(), amount, plan.currency(), plan.code());
    }

    // --- price lists and prices kept from sign-up (grandfathering), settled after the pricing rules ---

    /** What a plan's charge was priced from. */
    private record Priced(SubscriptionPeriod period, CatalogPlan plan, boolean recurring) {
    }

    /** The price list a rule chose for a span. */
    private record ListChoice(String priceList, String rule) {
    }

    /** A rule's decision that a span keeps the price signed up at: for ever (null months) or for months. */
    private record Kept(Integer months, String rule) {
    }

    private final Map<Integer, Priced> pricedByLine = new LinkedHashMap<>();
    private final Map<SubscriptionPeriod, ListChoice> listChoices = new HashMap<>();
    private final Map<SubscriptionPeriod, Kept> kept = new HashMap<>();

    /**
     * The span is priced from {@code priceList} ("Education customers buy from the EDU price list"), or from the
     * DEFAULT list where that list has no price for its plan. A subscription that named a price list when it was
     * created buys from that list whatever the rules choose. Two rules choosing different lists for one span is
     * an error of the pack, not a tie to break silently.
     */
    public void buyFrom(SubscriptionPeriod period, String priceList) {
        if (period == null || priceList == null || priceList.isBlank()) {
            throw new DecisionException("rule '" + firingRule + "' chose a price list without saying which, or for what");
        }
        String list = priceList.strip().toUpperCase(Locale.ROOT);
        ListChoice earlier = listChoices.get(period);
        if (earlier != null && !earlier.priceList().equals(list)) {
            throw new DecisionException("rules '" + earlier.rule() + "' and '" + firingRule + "' chose different price "
                    + "lists (" + earlier.priceList() + ", " + list + ") for subscription " + period.subscriptionId()
                    + " from " + period.from());
        }
        listChoices.put(period, new ListChoice(list, firingRule));
    }

    /** The span keeps, for ever, the price its customer signed up at, if that is lower than today's. */
    public void keepSignedPrice(SubscriptionPeriod period) {
        keep(period, null);
    }

    /**
     * The span keeps the price its customer signed up at, if lower than today's, when it starts within
     * {@code months} months of the day the customer signed up.
     */
    public void keepSignedPriceForMonths(SubscriptionPeriod period, int months) {
        if (months <= 0) {
            throw new DecisionException("rule '" + firingRule + "' kept a price for " + months + " months; say a "
                    + "number of months above 0, or keepSignedPrice for ever");
        }
        keep(period, months);
    }

    private void keep(SubscriptionPeriod period, Integer months) {
        if (period == null) {
            throw new DecisionException("rule '" + firingRule + "' kept a price without saying for what");
        }
        Kept earlier = kept.get(period);
        // the most generous of several keeping rules holds: for ever, else the most months
        if (earlier == null || (earlier.months() != null && (months == null || months > earlier.months()))) {
            kept.put(period, new Kept(months, firingRule));
        }
    }

    /**
     * Applies the price lists chosen and the prices kept once the pricing rules have fired: each plan charge is
     * priced again from the row of its list (the subscription's own list, else the one a rule chose, else DEFAULT;
     * a list without a price for the phase falls back to DEFAULT), then at the price signed up at if a rule keeps
     * it and it is lower. In a catalog with price lists the line says which list priced it (a catalog with only
     * the DEFAULT list keeps its descriptions as they were), and names the rules that decided.
     */
    void settlePrices(List<CatalogPlan> catalog) {
        // in a catalog with price lists every plan line names its list; in one without, there is nothing to tell
        boolean severalLists = catalog.stream().anyMatch(p -> !p.inDefaultList());
        for (Map.Entry<Integer, Priced> entry : pricedByLine.entrySet()) {
            Priced priced = entry.getValue();
            SubscriptionPeriod period = priced.period();
            CatalogPlan row = priced.plan();
            List<String> notes = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            ListChoice choice = period.priceList() != null && !period.priceList().isBlank()
                    ? new ListChoice(period.priceList().strip().toUpperCase(Locale.ROOT), null)
                    : listChoices.get(period);
            String list = CatalogPlan.DEFAULT_PRICE_LIST;
            if (choice != null) {
                if (choice.rule() != null) {
                    rules.add(choice.rule());
                }
                if (!choice.priceList().equals(CatalogPlan.DEFAULT_PRICE_LIST)) {
                    java.util.Optional<CatalogPlan> listed = samePhase(catalog, row, choice.priceList());
                    if (listed.isPresent()) {
                        row = listed.get();
                        list = choice.priceList();
                        notes.add(list + " price list");
                    } else {
                        notes.add("DEFAULT price list (" + choice.priceList() + " has no price)");
                    }
                }
            }
            if (notes.isEmpty() && severalLists) {
                notes.add("DEFAULT price list");
            }
            Kept keep = kept.get(period);
            if (keep != null && period.signedOn() != null && (keep.months() == null
                    || period.from().isBefore(period.signedOn().plusMonths(keep.months())))) {
                CatalogPlan now = row;
                String inList = list;
                java.util.Optional<CatalogPlan> signed = samePhase(period.signedPrices(), now, inList)
                        .or(() -> samePhase(period.signedPrices(), now, CatalogPlan.DEFAULT_PRICE_LIST))
                        .filter(s -> s.period() == now.period() && s.price().compareTo(now.price()) < 0);
                if (signed.isPresent()) {
                    row = now.withPrice(signed.get().price());
                    notes.add("price of " + DAY.format(period.signedOn()) + " kept");
                    rules.add(keep.rule());
                }
            }
            if (notes.isEmpty() && rules.isEmpty()) {
                continue;
            }
            int lineNo = entry.getKey();
            String note = notes.isEmpty() ? "" : ", " + String.join(", ", notes);
            Charge repriced = priced.recurring() ? recurringCharge(lineNo, period, row, note)
                    : fixedCharge(lineNo, period, row, note);
            for (int i = 0; i < charges.size(); i++) {
                if (charges.get(i).lineNo() == lineNo) {
                    charges.set(i, repriced);
                }
            }
            List<String> lineRules = rulesByLine.computeIfAbsent(lineNo, n -> new ArrayList<>());
            rules.stream().filter(r -> r != null && !lineRules.contains(r)).forEach(lineRules::add);
        }
    }

    private static java.util.Optional<CatalogPlan> samePhase(List<CatalogPlan> rows, CatalogPlan row, String list) {
        return rows.stream().filter(r -> r.code().equals(row.code()) && r.phase().equals(row.phase())
                && r.currency().equals(row.currency()) && r.priceList().equals(list)).findFirst();
    }

    /** A one-off charge at the amount entered for it (a setup fee, an hour of support), times its quantity. */
    public Charge oneOff(OneOffCharge charge) {
        Currency currency = Currency.getInstance(charge.currency());
        BigDecimal amount = charge.unitPrice().multiply(charge.quantity())
                .setScale(currency.getDefaultFractionDigits(), rounding);
        return add(new Charge(charges.size() + 1, null, "ONE_OFF", charge.description(), charge.on(), null,
                charge.quantity(), charge.unitPrice(), amount, charge.currency(), null, charge.chargeId()));
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

    /**
     * {@code percent} off the charge (a volume or bundle discount, a promotion), taken from the charge's own
     * amount and never more than what is left of it.
     */
    public void discountPercent(Charge charge, BigDecimal percent, String label) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            throw new DecisionException("rule '" + firingRule + "' asked for a discount of " + percent
                    + "%; a discount is above 0% and at most 100%");
        }
        request(new Requested(charge, DiscountKind.PERCENT, percent, label(label), null, firingRule));
    }

    /** {@code amount} (in the charge's currency) off the charge, never more than what is left of it. */
    public void discountFixed(Charge charge, BigDecimal amount, String label) {
        if (amount == null || amount.signum() <= 0) {
            throw new DecisionException("rule '" + firingRule + "' asked for a discount of " + amount
                    + "; a fixed discount is a positive amount");
        }
        request(new Requested(charge, DiscountKind.FIXED, amount, label(label), null, firingRule));
    }

    /**
     * The redeemed coupon's discount on the charge: a percentage of it, or the coupon's fixed amount once per
     * invoice, spread over the charges it covers. A coupon discounts a charge at most once, and only a charge
     * of a plan it covers, in its currency, while it has periods left; asking for anything else is a mistake
     * in the pack and fails the decision.
     */
    public void coupon(Charge charge, RedeemedCoupon redeemed) {
        Coupon coupon = redeemed.coupon();
        if (!redeemed.active()) {
            throw new DecisionException("rule '" + firingRule + "' applied coupon " + coupon.code()
                    + ", which has discounted all of its " + coupon.periods() + " period(s)");
        }
        if (!coupon.appliesTo(charge.plan())) {
            throw new DecisionException("rule '" + firingRule + "' applied coupon " + coupon.code() + " to plan "
                    + charge.plan() + ", which the coupon does not cover");
        }
        if (coupon.kind() == DiscountKind.FIXED && !coupon.currency().equals(charge.currency())) {
            throw new DecisionException("rule '" + firingRule + "' applied coupon " + coupon.code() + " in "
                    + coupon.currency() + " to a charge in " + charge.currency());
        }
        boolean already = requested.stream().anyMatch(r -> coupon.code().equals(r.coupon())
                && r.charge().lineNo() == charge.lineNo());
        if (!already) {
            request(new Requested(charge, coupon.kind(), coupon.value(), "Coupon " + coupon.describe(),
                    coupon.code(), firingRule));
        }
    }

    private void request(Requested discount) {
        if (settled) {
            throw new DecisionException("rule '" + firingRule + "' asked for a discount after discounts were "
                    + "settled; discounts belong in discount rules (rules/discount*.drl)");
        }
        requested.add(discount);
    }

    private String label(String label) {
        if (label == null || label.isBlank()) {
            throw new DecisionException("rule '" + firingRule + "' gave a discount no label; the invoice must say "
                    + "what the discount is");
        }
        return label.strip();
    }

    /** Tax at {@code ratePercent} on one charge (and its discounts); a later decision replaces an earlier one. */
    public void tax(Charge charge, BigDecimal ratePercent, String label) {
        if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
            throw new DecisionException("rule '" + firingRule + "' taxed at " + ratePercent
                    + "%; a tax rate is from 0% to 100%");
        }
        taxByLine.put(charge.lineNo(), new Tax(ratePercent, label, firingRule));
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

    /** The account has reached a row of the pack's dunning thresholds table: its state, with its actions. */
    public void thresholdReached(DunningThreshold threshold) {
        if (threshold == null) {
            throw new DecisionException("rule '" + firingRule + "' decided a standing without a threshold");
        }
        standing(threshold.state(), threshold.actions().isEmpty() ? EnumSet.noneOf(DunningAction.class)
                : EnumSet.copyOf(threshold.actions()));
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

    /** Tax at a rate of the pack's tax-rate table, printed with the rate's label. */
    public void taxAt(Charge charge, TaxRate rate) {
        tax(charge, rate.ratePercent(), rate.label());
    }

    /**
     * No tax charged because the customer accounts for it (EU B2B reverse charge); {@code label} is what the
     * invoice must say, e.g. "Reverse charge: VAT to be accounted for by the recipient".
     */
    public void reverseCharge(Charge charge, String label) {
        tax(charge, BigDecimal.ZERO, label);
    }

    /** No tax charged because the customer or the supply is exempt; {@code label} says why. */
    public void exempt(Charge charge, String label) {
        tax(charge, BigDecimal.ZERO, label);
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

    /**
     * Turns the discounts the rules asked for into amounts, in the order the class comment gives. Called once
     * the discount rules have run; later calls change nothing.
     */
    void settleDiscounts() {
        if (settled) {
            return;
        }
        settled = true;
        Map<Integer, BigDecimal> left = new HashMap<>();
        charges.forEach(c -> left.put(c.lineNo(), c.amount().signum() > 0 ? c.amount() : BigDecimal.ZERO));
        // by the line discounted, then the pack's own discounts before coupons, then by label: the same result
        // whatever order the rules fired in
        Comparator<Requested> byLine = Comparator.<Requested>comparingInt(r -> r.charge().lineNo())
                .thenComparing(r -> r.coupon() != null).thenComparing(Requested::label);
        List<Discount> settledNow = new ArrayList<>();
        requested.stream().filter(r -> r.kind() == DiscountKind.PERCENT).sorted(byLine).forEach(r -> {
            BigDecimal share = r.charge().amount().multiply(r.value(), MathContext.DECIMAL128)
                    .divide(HUNDRED, MathContext.DECIMAL128);
            take(r, toScale(share, r.charge().currency()), left, settledNow);
        });
        requested.stream().filter(r -> r.kind() == DiscountKind.FIXED && r.coupon() == null).sorted(byLine)
                .forEach(r -> take(r, toScale(r.value(), r.charge().currency()), left, settledNow));
        Map<String, BigDecimal> budgets = new LinkedHashMap<>();
        requested.stream().filter(r -> r.kind() == DiscountKind.FIXED && r.coupon() != null).sorted(byLine)
                .forEach(r -> {
                    BigDecimal budget = budgets.computeIfAbsent(r.coupon(),
                            code -> toScale(r.value(), r.charge().currency()));
                    budgets.put(r.coupon(), budget.subtract(take(r, budget, left, settledNow)));
                });
        settledNow.stream().sorted(Comparator.comparingInt(d -> d.charge().lineNo())).forEach(discounts::add);
    }

    /** Takes up to {@code amount} off what is left of the charge; returns what was taken. */
    private static BigDecimal take(Requested r, BigDecimal amount, Map<Integer, BigDecimal> left,
                                   List<Discount> settledNow) {
        BigDecimal available = left.get(r.charge().lineNo());
        BigDecimal taken = amount.min(available);
        if (taken.signum() > 0) {
            left.put(r.charge().lineNo(), available.subtract(taken));
            settledNow.add(new Discount(r.charge(), taken.negate(), r.label(), r.coupon(), r.rule()));
        }
        return taken.max(BigDecimal.ZERO);
    }

    private BigDecimal toScale(BigDecimal value, String currency) {
        return value.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), rounding);
    }

    /** A line's amount before tax and its tax, once tax is settled. */
    private record Taxed(BigDecimal amount, BigDecimal tax) {
    }

    List<DecidedLine> lines() {
        settleDiscounts();
        // discount lines follow the charges, numbered in the order they were settled (by the line they discount)
        Map<Integer, List<Integer>> discountsOf = new HashMap<>();
        for (int i = 0; i < discounts.size(); i++) {
            discountsOf.computeIfAbsent(discounts.get(i).charge().lineNo(), n -> new ArrayList<>())
                    .add(discountLineNo(i));
        }
        Map<Integer, Taxed> taxed = taxSettings.taxRounding() == TaxRounding.INVOICE
                ? taxedPerInvoice() : taxedPerLine(discountsOf);

        List<DecidedLine> lines = new ArrayList<>();
        for (Charge c : charges) {
            Tax tax = taxByLine.get(c.lineNo());
            Taxed t = taxed.get(c.lineNo());
            UsageDetail usage = usageByLine.get(c.lineNo());
            lines.add(new DecidedLine(c.lineNo(), c.subscriptionId(), c.itemType(), c.description(), c.from(),
                    c.to(), c.quantity(), c.unitPrice(), t.amount(), rate(tax), t.tax(), label(tax),
                    rulesByLine.getOrDefault(c.lineNo(), List.of()), null, null, c.reference(),
                    usage == null ? null : usage.meter(), usage == null ? c.unit() : usage.unit(),
                    usage == null ? List.of() : usage.tiers(), usage == null ? null : usage.transactions()));
        }
        for (int i = 0; i < discounts.size(); i++) {
            Discount d = discounts.get(i);
            Charge c = d.charge();
            Tax tax = taxByLine.get(c.lineNo());
            Taxed t = taxed.get(discountLineNo(i));
            lines.add(new DecidedLine(discountLineNo(i), c.subscriptionId(), "DISCOUNT", d.label(), c.from(), c.to(),
                    BigDecimal.ONE, t.amount(), t.amount(), rate(tax), t.tax(), label(tax),
                    d.rule() == null ? List.of() : List.of(d.rule()), c.lineNo(), d.coupon(), null));
        }
        return lines;
    }

    private int discountLineNo(int index) {
        return charges.size() + 1 + index;
    }

    private static BigDecimal rate(Tax tax) {
        return tax == null ? BigDecimal.ZERO : tax.ratePercent();
    }

    private static String label(Tax tax) {
        return tax == null ? "no tax rule matched" : tax.label();
    }

    /**
     * Tax of each charge and its discounts in turn: after each one, the tax of the running net amount, rounded
     * once; a line's tax is how much that moved. So the charge's tax is its own, and its discounts bring the
     * pair to the tax of what is actually paid.
     */
    private Map<Integer, Taxed> taxedPerLine(Map<Integer, List<Integer>> discountsOf) {
        Map<Integer, Taxed> taxed = new HashMap<>();
        for (Charge c : charges) {
            BigDecimal rate = rate(taxByLine.get(c.lineNo()));
            BigDecimal running = c.amount();
            BigDecimal taxSoFar = taxOf(running, rate, c.currency());
            taxed.put(c.lineNo(), taxed(c.amount(), taxSoFar));
            for (int lineNo : discountsOf.getOrDefault(c.lineNo(), List.of())) {
                Discount d = discounts.get(lineNo - charges.size() - 1);
                running = running.add(d.amount());
                BigDecimal taxNow = taxOf(running, rate, c.currency());
                taxed.put(lineNo, taxed(d.amount(), taxNow.subtract(taxSoFar)));
                taxSoFar = taxNow;
            }
        }
        return taxed;
    }

    /**
     * Tax once per rate (and label) on the invoice: the tax of the group's net total, rounded once, shared out
     * over its lines by their exact shares, the cents left by rounding going to the largest remainders (the
     * earlier line on a tie), so the lines still add up to the invoice's tax.
     */
    private Map<Integer, Taxed> taxedPerInvoice() {
        record Item(int lineNo, BigDecimal amount, String currency) {
        }
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new HashMap<>();
        for (Charge c : charges) {
            Tax tax = taxByLine.get(c.lineNo());
            String key = rate(tax).stripTrailingZeros().toPlainString() + "|" + label(tax) + "|" + c.currency();
            rates.put(key, rate(tax));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Item(c.lineNo(), c.amount(), c.currency()));
        }
        for (int i = 0; i < discounts.size(); i++) {
            Discount d = discounts.get(i);
            Tax tax = taxByLine.get(d.charge().lineNo());
            String key = rate(tax).stripTrailingZeros().toPlainString() + "|" + label(tax) + "|"
                    + d.charge().currency();
            groups.get(key).add(new Item(discountLineNo(i), d.amount(), d.charge().currency()));
        }
        Map<Integer, Taxed> taxed = new HashMap<>();
        groups.forEach((key, items) -> {
            BigDecimal rate = rates.get(key);
            String currency = items.getFirst().currency();
            int scale = Currency.getInstance(currency).getDefaultFractionDigits();
            BigDecimal total = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal groupTax = taxOf(total, rate, currency);
            List<BigDecimal> exact = items.stream().map(i -> exactTax(i.amount(), rate)).toList();
            List<BigDecimal> shares = new ArrayList<>(exact.stream()
                    .map(e -> e.setScale(scale, RoundingMode.FLOOR)).toList());
            BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
            int cents = groupTax.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .divide(unit, MathContext.DECIMAL128).intValue();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer, BigDecimal>comparing(i -> exact.get(i).subtract(shares.get(i)))
                    .reversed().thenComparing(i -> items.get(i).lineNo()));
            for (int k = 0; k < cents; k++) {
                int i = order.get(k % order.size());
                shares.set(i, shares.get(i).add(unit));
            }
            for (int i = 0; i < items.size(); i++) {
                taxed.put(items.get(i).lineNo(), taxed(items.get(i).amount(), shares.get(i)));
            }
        });
        return taxed;
    }

    /** The tax in {@code base} (an amount before tax, or with tax included if prices include tax), rounded. */
    private BigDecimal taxOf(BigDecimal base, BigDecimal rate, String currency) {
        return toScale(exactTax(base, rate), currency);
    }

    private BigDecimal exactTax(BigDecimal base, BigDecimal rate) {
        if (rate.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal divisor = taxSettings.pricesIncludeTax() ? HUNDRED.add(rate) : HUNDRED;
        return base.multiply(rate, MathContext.DECIMAL128).divide(divisor, MathContext.DECIMAL128);
    }

    /** A line as invoiced: with prices that include tax, its amount before tax is what remains after the tax. */
    private Taxed taxed(BigDecimal decided, BigDecimal tax) {
        BigDecimal scaledTax = tax.setScale(decided.scale(), RoundingMode.UNNECESSARY);
        return new Taxed(taxSettings.pricesIncludeTax() ? decided.subtract(scaledTax) : decided, scaledTax);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
}
