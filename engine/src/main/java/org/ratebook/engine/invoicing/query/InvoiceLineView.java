package org.ratebook.engine.invoicing.query;

import org.ratebook.engine.invoicing.api.UsageTierLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One invoice line as read: the amounts and the names of the rules that produced it. A DISCOUNT line names the
 * line it discounts and the coupon that gave it (else both are null). Usage lines also carry their meter, unit,
 * breakdown and the number of usage events behind them (null and empty on other lines).
 */
public record InvoiceLineView(int lineNo, UUID subscriptionId, String itemType, String description,
                              LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity,
                              BigDecimal unitPrice, BigDecimal amount, BigDecimal taxRate,
                              BigDecimal taxAmount, String taxLabel, List<String> rules, Integer discountOf,
                              String coupon, String meter, String unit, List<UsageTierLine> tiers,
                              Long transactions) {
    public InvoiceLineView {
        rules = List.copyOf(rules);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A line that is not about usage. */
    public InvoiceLineView(int lineNo, UUID subscriptionId, String itemType, String description,
                           LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                           List<String> rules, Integer discountOf, String coupon) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, discountOf, coupon, null, null, List.of(), null);
    }

    /** A usage line (or one that is not about usage, with nulls), discounting nothing. */
    public InvoiceLineView(int lineNo, UUID subscriptionId, String itemType, String description,
                           LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                           List<String> rules, String meter, String unit, List<UsageTierLine> tiers,
                           Long transactions) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, null, null, meter, unit, tiers, transactions);
    }

    /** A line that is neither a discount nor about usage. */
    public InvoiceLineView(int lineNo, UUID subscriptionId, String itemType, String description,
                           LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                           List<String> rules) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount, taxRate,
                taxAmount, taxLabel, rules, null, null);
    }

    public boolean usage() {
        return meter != null;
    }
}
