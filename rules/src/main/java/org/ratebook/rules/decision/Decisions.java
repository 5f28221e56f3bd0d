package org.ratebook.rules.decision;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.DunningThreshold;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.TaxRate;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.RuleCategory;

import java.math.BigDecimal;

/**
 * The global of pack format 1 ({@code global Decisions decisions;}), kept only so that packs published before
 * each stage had its own output still compile and decide as they did (their content and hash are recorded in
 * events; see decision 019). Each method hands over to the output of the stage that is running, and a method of
 * another stage fails: through this adapter too, a tax rule cannot create a recurring charge. New rules write
 * to their category's output ({@link Outputs}).
 *
 * @deprecated write to the category's own output: {@code pricing}, {@code change}, {@code rating},
 * {@code discount}, {@code tax} or {@code standing}
 */
@Deprecated
public final class Decisions {

    private final RuleCategory stage;
    private final Object output;

    Decisions(RuleCategory stage, Object output) {
        this.stage = stage;
        this.output = output;
    }

    private <T> T as(Class<T> type, String method) {
        if (!type.isInstance(output)) {
            RuleCategory owner = Outputs.legacyCategory(method).orElseThrow();
            throw new DecisionException(stage.aRule() + " cannot " + Outputs.whatItDecides(method) + ": decisions."
                    + method + " belongs to " + owner.word() + " rules");
        }
        return type.cast(output);
    }

    public Charge recurring(SubscriptionPeriod period, CatalogPlan plan) {
        return as(PricingOutput.class, "recurring").recurring(period, plan);
    }

    public Charge fixed(SubscriptionPeriod period, CatalogPlan plan) {
        return as(PricingOutput.class, "fixed").fixed(period, plan);
    }

    public Charge oneOff(OneOffCharge charge) {
        return as(PricingOutput.class, "oneOff").oneOff(charge);
    }

    public void buyFrom(SubscriptionPeriod period, String priceList) {
        as(PricingOutput.class, "buyFrom").buyFrom(period, priceList);
    }

    public void keepSignedPrice(SubscriptionPeriod period) {
        as(PricingOutput.class, "keepSignedPrice").keepSignedPrice(period);
    }

    public void keepSignedPriceForMonths(SubscriptionPeriod period, int months) {
        as(PricingOutput.class, "keepSignedPriceForMonths").keepSignedPriceForMonths(period, months);
    }

    public void takeEffect(PlanChange change, ChangeTiming timing) {
        as(ChangeOutput.class, "takeEffect").takeEffect(change, timing);
    }

    public Charge usage(UsagePeriod period, UsageCharge charge) {
        return as(RatingOutput.class, "usage").usage(period, charge);
    }

    public void spike(UsagePeriod period, String reason) {
        as(RatingOutput.class, "spike").spike(period, reason);
    }

    public void discountPercent(Charge charge, BigDecimal percent, String label) {
        as(DiscountOutput.class, "discountPercent").percent(charge, percent, label);
    }

    public void discountFixed(Charge charge, BigDecimal amount, String label) {
        as(DiscountOutput.class, "discountFixed").fixed(charge, amount, label);
    }

    public void coupon(Charge charge, RedeemedCoupon redeemed) {
        as(DiscountOutput.class, "coupon").coupon(charge, redeemed);
    }

    public void tax(Charge charge, BigDecimal ratePercent, String label) {
        as(TaxOutput.class, "tax").rate(charge, ratePercent, label);
    }

    public void taxAt(Charge charge, TaxRate rate) {
        as(TaxOutput.class, "taxAt").at(charge, rate);
    }

    public void reverseCharge(Charge charge, String label) {
        as(TaxOutput.class, "reverseCharge").reverseCharge(charge, label);
    }

    public void exempt(Charge charge, String label) {
        as(TaxOutput.class, "exempt").exempt(charge, label);
    }

    public void standing(DunningState state) {
        as(StandingOutput.class, "standing").becomes(state);
    }

    public void standing(DunningState state, DunningAction action) {
        as(StandingOutput.class, "standing").becomes(state, action);
    }

    public void standing(DunningState state, DunningAction first, DunningAction second) {
        as(StandingOutput.class, "standing").becomes(state, first, second);
    }

    public void standing(DunningState state, DunningAction first, DunningAction second, DunningAction third) {
        as(StandingOutput.class, "standing").becomes(state, first, second, third);
    }

    public void standing(DunningState state, DunningAction first, DunningAction second, DunningAction third,
                         DunningAction fourth) {
        as(StandingOutput.class, "standing").becomes(state, first, second, third, fourth);
    }

    public void thresholdReached(DunningThreshold threshold) {
        as(StandingOutput.class, "thresholdReached").thresholdReached(threshold);
    }
}
