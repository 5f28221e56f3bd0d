package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One invoice line as read: the amounts and the names of the rules that produced it. A DISCOUNT line names the
 * line it discounts and the coupon that gave it (else both are null).
 */
public record InvoiceLineView(int lineNo, UUID subscriptionId, String itemType, String description,
                              LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity,
                              BigDecimal unitPrice, BigDecimal amount, BigDecimal taxRate,
                              BigDecimal taxAmount, String taxLabel, List<String> rules, Integer discountOf,
                              String coupon) {
    public InvoiceLineView {
        rules = List.copyOf(rules);
    }

    public InvoiceLineView(int lineNo, UUID subscriptionId, String itemType, String description,
                           LocalDate periodFrom, LocalDate periodTo, BigDecimal quantity,
                           BigDecimal unitPrice, BigDecimal amount, BigDecimal taxRate,
                           BigDecimal taxAmount, String taxLabel, List<String> rules) {
        this(lineNo, subscriptionId, itemType, description, periodFrom, periodTo, quantity, unitPrice, amount,
                taxRate, taxAmount, taxLabel, rules, null, null);
    }
}
