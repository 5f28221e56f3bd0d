package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A charge entered for an account by hand (a setup fee, an hour of support), due on {@code on}. */
public record OneOffCharge(String chargeId, String accountId, String description, BigDecimal quantity,
                           BigDecimal unitPrice, String currency, LocalDate on) {
}
