package org.ratebook.engine.dunning.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures a standing was decided on: days past the due date of the oldest unpaid invoice, what the open
 * invoices still ask for (all of them, and those past due), in the account's currency.
 */
public record StandingFigures(String currency, LocalDate oldestUnpaidDueDate, int daysPastDue,
                              BigDecimal unpaidBalance, int unpaidInvoices, BigDecimal overdueBalance,
                              int overdueInvoices) {
}
