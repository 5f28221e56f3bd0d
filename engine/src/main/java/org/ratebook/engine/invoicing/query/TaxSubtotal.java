package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;

/**
 * One line of an invoice's tax summary: a tax (its label and rate, e.g. "VAT 19%" at 19, or "Reverse charge …"
 * at 0), the amount it was charged on (charges less their discounts) and the tax.
 */
public record TaxSubtotal(String label, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount) {
}
