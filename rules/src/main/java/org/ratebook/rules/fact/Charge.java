package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A priced line decided by the pricing rules. Discount and tax rules see charges as immutable facts and add
 * their own decisions about them. {@code plan} is the plan code the charge bills (null for charges of no plan).
 */
public record Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                     LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                     String plan) {

    /** A charge of no particular plan. */
    public Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                  LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, currency, null);
    }
}
