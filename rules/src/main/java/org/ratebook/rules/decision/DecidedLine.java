package org.ratebook.rules.decision;

import org.ratebook.rules.rating.TierCharge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice line as decided: the charge (or the discount on one), the tax on it, and the names of the rules
 * that produced it, in firing order. Amounts are at the currency's scale. A DISCOUNT line names the line it
 * discounts ({@code discountOf}) and the coupon that gave it, if any. {@code reference}: see
 * {@link org.ratebook.rules.fact.Charge}. Usage lines (USAGE, TRUE_UP, ADJUSTMENT) also name their meter and
 * unit, the tiers or parts that make the amount, and how many usage events the period had; the other lines
 * leave those null and empty.
 */
public record DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                          LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                          List<String> rules, Integer discountOf, String coupon, String reference, String meter,
                          String unit, List<TierCharge> tiers, Long transactions) {
    public DecidedLine {
        rules = List.copyOf(rules);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A usage line (or one that is not about usage, with nulls), discounting nothing. */
    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                       LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                       BigDecimal taxRate, BigDecimal taxAmount, String taxLabel, List<String> rules, String meter,
                       String unit, List<TierCharge> tiers, Long transactions) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, null, null, null, meter, unit, tiers, transactions);
    }

    /** A line of a charge with a reference, or a discount line. */
    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                       LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, Integer discountOf, String coupon, String reference) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, discountOf, coupon, reference, null, null, List.of(), null);
    }

    /** A discount line, or one that discounts nothing, without a reference. */
    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                       LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, Integer discountOf, String coupon) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, discountOf, coupon, null);
    }

    /** A line that discounts nothing and is not about usage. */
    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                       LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, null, null, null);
    }
}
