package org.ratebook.rules.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice line as decided: the charge (or the discount on one), the tax on it, and the names of the rules
 * that produced it, in firing order. Amounts are at the currency's scale. A DISCOUNT line names the line it
 * discounts ({@code discountOf}) and the coupon that gave it, if any. {@code reference}: see
 * {@link org.ratebook.rules.fact.Charge}.
 */
public record DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                          LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                          List<String> rules, Integer discountOf, String coupon, String reference) {
    public DecidedLine {
        rules = List.copyOf(rules);
    }

    /** A discount line, or one that discounts nothing, without a reference. */
    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                       LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, Integer discountOf, String coupon) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, discountOf, coupon, null);
    }

    /** A line that discounts nothing. */
    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                       LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, null, null, null);
    }
}
