package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment (or refund) on an invoice: how much came in, how much paid the invoice, how much became credit. */
public record PaymentView(String paymentId, String kind, BigDecimal amount, BigDecimal applied, BigDecimal overpaid,
                          String currency, LocalDate onDate, String method, String reference) {
}
