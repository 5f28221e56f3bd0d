package org.ratebook.engine.billing.generator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Billed time [from, to) that is no longer owed (an immediate change, a cancellation, a pause): a negative
 * amount, the billed amount's share for that time, rounded once. Carried by the invoice of {@code invoiceDate}.
 */
public record Repair(BilledItem original, LocalDate from, LocalDate to, BigDecimal amount, LocalDate invoiceDate) {
}
