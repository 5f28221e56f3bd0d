package org.ratebook.rules.rating;

import java.math.BigDecimal;

/**
 * One row of a usage line's breakdown: a tier (or a part of the charge such as the percentage, the transaction
 * fees or the markup) with its units, price and exact amount. The rows add up to the line's amount before
 * it is rounded.
 *
 * @param label     "tier 1", "packages", "1.5 % of the amount", "fee per transaction", …
 * @param from      the tier's start as written in the pack (null for parts that are not tiers)
 * @param to        the tier's end as written (null: no end, or not a tier)
 * @param units     units (or amount) charged in this row
 * @param unitPrice price per unit, per package or the rate; null where the row is only a flat fee
 * @param flatFee   the tier's flat fee charged in this row, null if none
 */
public record TierCharge(String label, BigDecimal from, BigDecimal to, BigDecimal units, BigDecimal unitPrice,
                         BigDecimal flatFee, BigDecimal amount) {
}
