package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A priced line decided by the pricing rules. Tax (and later discount) rules see charges as immutable facts
 * and add their own decisions about them. {@code reference} names what a charge that belongs to no subscription
 * bills (a one-off charge's id).
 */
public record Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                     LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                     String reference) {

    public Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                  LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, currency, null);
    }
}
