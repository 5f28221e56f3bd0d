package org.ratebook.engine.invoicing.api;

import org.ratebook.engine.subscription.api.SubscriptionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A line as issued: amounts at the currency's scale, and the rules (in firing order) that produced it. The
 * span [periodFrom, periodTo) is what it bills; {@code plan}, {@code phase} and the billing period around the
 * span let later runs know what was billed (and repair it if it is no longer owed).
 * <ul>
 * <li>A DISCOUNT line names the line it discounts ({@code discountOf}) and the coupon that gave it
 * ({@code coupon}), else both are null.</li>
 * <li>A REPAIR line's {@code repairsFrom} is the first day of the charge it gives part of back. A CREDIT line
 * moves money to the account's credit (positive: a negative invoice total is kept as credit) or from it
 * (negative: credit used). A ONE_OFF line's {@code chargeId} is the one-off charge it bills.</li>
 * <li>Usage lines (USAGE, TRUE_UP, ADJUSTMENT) bill the usage period [periodFrom, periodTo) of {@code meter},
 * counted in {@code unit}, with the tiers or parts that make the amount and the number of usage events
 * ({@code transactions}) the period had when it was rated; other lines leave these null and empty. For an
 * ADJUSTMENT, {@code quantity} is the period's quantity as re-rated and the amount the difference to what was
 * billed for it before.</li>
 * </ul>
 */
public record InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                          LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                          List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                          LocalDate billingPeriodTo, Integer discountOf, String coupon, LocalDate repairsFrom,
                          UUID chargeId, String meter, String unit, List<UsageTierLine> tiers, Long transactions) {
    public InvoiceLine {
        rules = List.copyOf(rules);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The same line under another description (a child account's line on its parent's invoice names the child). */
    public InvoiceLine withDescription(String newDescription) {
        return new InvoiceLine(lineNo, subscriptionId, itemType, newDescription, periodFrom, periodTo, quantity,
                unitPrice, amount, taxRate, taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom,
                billingPeriodTo, discountOf, coupon, repairsFrom, chargeId, meter, unit, tiers, transactions);
    }

    /** A usage line (or one that is not about usage, with nulls). */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo, String meter, String unit, List<UsageTierLine> tiers,
                       Long transactions) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, null, null, null, null,
                meter, unit, tiers, transactions);
    }

    /** A line that is not about usage: a charge, a discount, a repair or a one-off charge. */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo, Integer discountOf, String coupon, LocalDate repairsFrom,
                       UUID chargeId) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, discountOf, coupon,
                repairsFrom, chargeId, null, null, List.of(), null);
    }

    /** A charge, or a discount on one. */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo, Integer discountOf, String coupon) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, discountOf, coupon,
                (LocalDate) null, (UUID) null);
    }

    /** A charge that discounts nothing. */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, (Integer) null,
                (String) null);
    }
}
