package org.ratebook.rules.fact;

import java.math.BigDecimal;

/**
 * One row of a rule pack's usage tier table ({@code catalog/usage_tiers.csv}), belonging to usage charge
 * {@code charge}. A tier covers the units above the previous tier's {@code to} up to its own {@code to}
 * (inclusive; null: no end), so "0–10, 11–20, 21–" and "0–10, 10–20, 20–" describe the same tiers.
 *
 * @param unitPrice   price per unit in the tier, or per package when {@code packageSize} is set
 * @param flatFee     charged once when the tier is reached (the first tier is always reached); for CAPACITY, the
 *                    tier's price
 * @param packageSize units per package within the tier (blocks of 100, every started block counted)
 * @param percentage  percent of the part of the amount in the tier (GRADUATED_PERCENTAGE)
 */
public record UsageTier(String charge, BigDecimal from, BigDecimal to, BigDecimal unitPrice, BigDecimal flatFee,
                        BigDecimal packageSize, BigDecimal percentage) {

    public UsageTier {
        if (charge == null || charge.isBlank()) {
            throw new IllegalArgumentException("a usage tier needs the id of its charge (column 'charge')");
        }
        from = from == null ? BigDecimal.ZERO : from;
        if (from.signum() < 0 || (to != null && to.compareTo(from) <= 0)) {
            throw new IllegalArgumentException("tier " + from.toPlainString() + "–" + (to == null ? "" : to.toPlainString())
                    + " of charge " + charge + " must start at 0 or more and end above its start");
        }
        for (BigDecimal v : new BigDecimal[]{unitPrice, flatFee, percentage}) {
            if (v != null && v.signum() < 0) {
                throw new IllegalArgumentException("tier prices of charge " + charge + " cannot be negative");
            }
        }
        if (packageSize != null && packageSize.signum() <= 0) {
            throw new IllegalArgumentException("a tier package size of charge " + charge + " must be above 0");
        }
    }
}
