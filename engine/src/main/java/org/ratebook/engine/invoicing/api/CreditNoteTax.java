package org.ratebook.engine.invoicing.api;

import java.math.BigDecimal;

/**
 * One tax of a credit note as it was issued: the tax of the invoice it gives back (label and rate in percent),
 * the taxed amount and the tax of the credit note's share of it. Decided once, when the credit note is issued.
 */
public record CreditNoteTax(String label, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount) {
}
