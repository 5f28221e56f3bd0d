package org.ratebook.engine.invoicing.api;

import org.ratebook.engine.subscription.api.SubscriptionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A line as issued: amounts at the currency's scale, and the rules (in firing order) that produced it. The
 * span [periodFrom, periodTo) is what it bills; {@code plan}, {@code phase} and the billing period around the
 * span let later runs know what was billed (and repair it if it is no longer owed). A DISCOUNT line names the
 * line it discounts ({@code discountOf}) and the coupon that gave it ({@code coupon}), else both are null. A
 * REPAIR line's {@code repairsFrom} is the first day of the charge it gives part of back. A CREDIT line moves
 * money to the account's credit (positive: a negative invoice total is kept as credit) or from it (negative:
 * credit used). A ONE_OFF line's {@code chargeId} is the one-off charge it bills.
 */
public record InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                          LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                          List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                          LocalDate billingPeriodTo, Integer discountOf, String coupon, LocalDate repairsFrom,
                          java.util.UUID chargeId) {
    public InvoiceLine {
        rules = List.copyOf(rules);
    }

    /** A line that discounts nothing. */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, null, null, null, null);
    }

    /** A line that repairs and bills no one-off charge (a charge, or a discount on one). */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo, Integer discountOf, String coupon) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, discountOf, coupon, null,
                null);
    }
}
