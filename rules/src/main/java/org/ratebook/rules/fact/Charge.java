package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A priced line decided by the pricing rules. Tax (and later discount) rules see charges as immutable facts
 * and add their own decisions about them.
 */
public record Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                     LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
}
