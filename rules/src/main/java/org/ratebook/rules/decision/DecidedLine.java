package org.ratebook.rules.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice line as decided: the charge, the tax on it, and the names of the rules that produced it, in
 * firing order. Amounts are at the currency's scale. {@code reference}: see {@link org.ratebook.rules.fact.Charge}.
 */
public record DecidedLine(int lineNo, String subscriptionId, String itemType, String description,
                          LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount, String taxLabel,
                          List<String> rules, String reference) {
    public DecidedLine {
        rules = List.copyOf(rules);
    }

    public DecidedLine(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                       LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal taxRate,
                       BigDecimal taxAmount, String taxLabel, List<String> rules) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, taxRate, taxAmount,
                taxLabel, rules, null);
    }
}
