package org.ratebook.engine.invoicing.api;

import org.ratebook.engine.subscription.api.SubscriptionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A line as issued: amounts at the currency's scale, and the rules (in firing order) that produced it. The
 * span [periodFrom, periodTo) is what it bills; {@code plan}, {@code phase} and the billing period around the
 * span let later runs know what was billed (and repair it if it is no longer owed).
 * <p>
 * Usage lines (USAGE, TRUE_UP, ADJUSTMENT) bill the usage period [periodFrom, periodTo) of {@code meter},
 * counted in {@code unit}, with the tiers or parts that make the amount and the number of usage events
 * ({@code transactions}) the period had when it was rated; other lines leave these null and empty. For an
 * ADJUSTMENT, {@code quantity} is the period's quantity as re-rated and the amount the difference to what
 * was billed for it before.
 */
public record InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                          LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                          List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                          LocalDate billingPeriodTo, String meter, String unit, List<UsageTierLine> tiers,
                          Long transactions) {
    public InvoiceLine {
        rules = List.copyOf(rules);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A line that is not about usage. */
    public InvoiceLine(int lineNo, SubscriptionId subscriptionId, String itemType, String description,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                       List<String> rules, String plan, String phase, LocalDate billingPeriodFrom,
                       LocalDate billingPeriodTo) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, plan, phase, billingPeriodFrom, billingPeriodTo, null, null, List.of(),
                null);
    }
}
