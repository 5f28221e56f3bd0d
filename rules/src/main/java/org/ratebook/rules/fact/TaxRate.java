package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a pack's tax-rate table ({@code tax/rates.csv}): the rate of a jurisdiction, from a date to a date.
 * {@code region} null means the whole country; {@code zone} groups countries that share tax rules ("EU" for
 * the member states of the EU VAT area); {@code validTo} is the last day the rate applies (null: no end).
 */
public record TaxRate(String country, String region, String zone, BigDecimal ratePercent, String label,
                      LocalDate validFrom, LocalDate validTo) {

    public TaxRate {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a tax rate's country is a two-letter ISO code, not '" + country + "'");
        }
        region = region == null || region.isBlank() ? null : region.strip();
        zone = zone == null || zone.isBlank() ? null : zone.strip();
        if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a tax rate is a percentage from 0 to 100, not " + ratePercent);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a tax rate needs a label to print on the invoice, e.g. 'VAT 19%'");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("a tax rate valid from " + validFrom + " cannot end on " + validTo);
        }
    }

    /** Whether the rate applies on {@code day} (both ends included). */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the rate is for the whole country rather than one of its regions. */
    public boolean national() {
        return region == null;
    }
}
