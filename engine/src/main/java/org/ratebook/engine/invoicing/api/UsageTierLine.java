package org.ratebook.engine.invoicing.api;

import java.math.BigDecimal;

/**
 * One row of a usage line's breakdown as issued: a tier (or a part of the charge: the percentage, the fees,
 * the markup) with its units, price, flat fee and exact amount. The rows add up to the line's amount before
 * rounding.
 */
public record UsageTierLine(String label, BigDecimal from, BigDecimal to, BigDecimal units, BigDecimal unitPrice,
                            BigDecimal flatFee, BigDecimal amount) {
}
