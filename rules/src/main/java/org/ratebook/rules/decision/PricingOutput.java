package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.money.Rounding;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What pricing rules may decide (DRL {@code global PricingOutput pricing;}): the charges of the periods and
 * one-off charges due, the price list a span buys from, and whether it keeps the price signed up at. Every
 * method stamps what it decides with the firing rule. The price list and kept price are applied after all
 * pricing rules have fired ({@link PriceSettlement}), whatever order they fired in; amounts are rounded by the
 * pack's money policy ({@link Rounding}), never in DRL.
 */
public final class PricingOutput {

    /** What a plan's charge was priced from. */
    record Priced(SubscriptionPeriod period, CatalogPlan plan, boolean recurring) {
    }

    /** The price list a rule chose for a span. */
    record ListChoice(String priceList, String rule) {
    }

    /** A rule's decision that a span keeps the price signed up at: for ever (null months) or for months. */
    record Kept(Integer months, String rule) {
    }

    private final Ledger ledger;
    private final RuleFiring firing;
    private final Rounding money;
    private final Map<Integer, Priced> pricedByLine = new LinkedHashMap<>();
    private final Map<SubscriptionPeriod, ListChoice> listChoices = new HashMap<>();
    private final Map<SubscriptionPeriod, Kept> kept = new HashMap<>();

    PricingOutput(Ledger ledger, RuleFiring firing, Rounding money) {
        this.ledger = ledger;
        this.firing = firing;
        this.money = money;
    }

    /**
     * A recurring charge for the span at the plan's price times the subscription's quantity, prorated to the
     * span's part of its billing period and rounded once. {@code plan} is a row of the DEFAULT price list (the
     * rows the pricing rules see).
     */
    public Charge recurring(SubscriptionPeriod period, CatalogPlan plan) {
        requireSameCurrency(period, plan);
        Charge charge = ledger.add(recurringCharge(money, ledger.nextLineNo(), period, plan, ""));
        pricedByLine.put(charge.lineNo(), new Priced(period, plan, true));
        return charge;
    }

    /** The one-time price of a phase billed once (a trial's 0.00, a setup fee) times the quantity. */
    public Charge fixed(SubscriptionPeriod period, CatalogPlan plan) {
        requireSameCurrency(period, plan);
        Charge charge = ledger.add(fixedCharge(money, ledger.nextLineNo(), period, plan, ""));
        pricedByLine.put(charge.lineNo(), new Priced(period, plan, false));
        return charge;
    }

    /** A one-off charge at the amount entered for it (a setup fee, an hour of support), times its quantity. */
    public Charge oneOff(OneOffCharge charge) {
        BigDecimal amount = money.round(charge.unitPrice().multiply(charge.quantity()), charge.currency());
        return ledger.add(new Charge(ledger.nextLineNo(), null, "ONE_OFF", charge.description(), charge.on(), null,
                charge.quantity(), charge.unitPrice(), amount, charge.currency(), null, charge.chargeId()));
    }

    /**
     * The span is priced from {@code priceList} ("Education customers buy from the EDU price list"), or from the
     * DEFAULT list where that list has no price for its plan. A subscription that named a price list when it was
     * created buys from that list whatever the rules choose. Two rules choosing different lists for one span is
     * an error of the pack, not a tie to break silently.
     */
    public void buyFrom(SubscriptionPeriod period, String priceList) {
        if (period == null || priceList == null || priceList.isBlank()) {
            throw firing.mistake("chose a price list without saying which, or for what");
        }
        String list = priceList.strip().toUpperCase(Locale.ROOT);
        ListChoice earlier = listChoices.get(period);
        if (earlier != null && !earlier.priceList().equals(list)) {
            throw new DecisionException("rules '" + earlier.rule() + "' and '" + firing.rule() + "' chose different "
                    + "price lists (" + earlier.priceList() + ", " + list + ") for subscription "
                    + period.subscriptionId() + " from " + period.from());
        }
        listChoices.put(period, new ListChoice(list, firing.rule()));
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
            throw firing.mistake("kept a price for " + months + " months; say a number of months above 0, or "
                    + "keepSignedPrice for ever");
        }
        keep(period, months);
    }

    private void keep(SubscriptionPeriod period, Integer months) {
        if (period == null) {
            throw firing.mistake("kept a price without saying for what");
        }
        Kept earlier = kept.get(period);
        // the most generous of several keeping rules holds: for ever, else the most months
        if (earlier == null || (earlier.months() != null && (months == null || months > earlier.months()))) {
            kept.put(period, new Kept(months, firing.rule()));
        }
    }

    private void requireSameCurrency(SubscriptionPeriod period, CatalogPlan plan) {
        if (!plan.currency().equals(period.currency())) {
            throw firing.mistake("priced a " + period.currency() + " subscription with a " + plan.currency()
                    + " price");
        }
    }

    Map<Integer, Priced> priced() {
        return pricedByLine;
    }

    ListChoice listChoice(SubscriptionPeriod period) {
        return listChoices.get(period);
    }

    Kept kept(SubscriptionPeriod period) {
        return kept.get(period);
    }

    /** The charge of a recurring span, with {@code note} after its description (the price list, a kept price). */
    static Charge recurringCharge(Rounding money, int lineNo, SubscriptionPeriod period, CatalogPlan plan,
                                  String note) {
        BigDecimal quantity = BigDecimal.valueOf(period.quantity());
        String mode = switch (plan.mode()) {
            case IN_ADVANCE -> "in advance";
            case IN_ARREAR -> "in arrear";
        };
        if (plan.period() == BillingPeriod.HOURLY) {
            // a price per hour: the quantity is the hours served in the span (whole days), times the units;
            // a price per N hours ("every 4 hours") buys N of the hours served
            BigDecimal hours = BigDecimal.valueOf(ChronoUnit.DAYS.between(period.from(), period.to()) * 24L)
                    .multiply(quantity);
            BigDecimal hourly = money.prorate(plan.price().multiply(hours), 1, plan.every(), plan.currency());
            return new Charge(lineNo, period.subscriptionId(), "RECURRING", plan.product() + " "
                    + plan.code() + " (hourly, " + mode + ", " + hours.toPlainString() + " hours"
                    + (plan.every() == 1 ? "" : ", priced per " + plan.every() + " hours") + ")" + note,
                    period.from(), period.to(), hours, plan.price(), hourly, plan.currency(), plan.code(), null,
                    Charge.HOURS);
        }
        BigDecimal amount = money.prorate(plan.price().multiply(quantity), period.numerator(), period.denominator(),
                plan.currency());
        String description = plan.product() + " " + plan.code() + " ("
                + plan.cadence().describe() + ", " + mode
                + (period.prorated() ? ", " + period.numerator() + "/" + period.denominator() + " of the period" : "")
                + ")" + note;
        return new Charge(lineNo, period.subscriptionId(), "RECURRING", description,
                period.from(), period.to(), quantity, plan.price(), amount, plan.currency(), plan.code());
    }

    /** The charge of a phase billed once, with {@code note} after its description. */
    static Charge fixedCharge(Rounding money, int lineNo, SubscriptionPeriod period, CatalogPlan plan, String note) {
        BigDecimal quantity = BigDecimal.valueOf(period.quantity());
        BigDecimal amount = money.round(plan.price().multiply(quantity), plan.currency());
        return new Charge(lineNo, period.subscriptionId(), "FIXED",
                plan.product() + " " + plan.code() + " (" + plan.phase() + ")" + note, period.from(), period.to(),
                quantity, plan.price(), amount, plan.currency(), plan.code());
    }
}
