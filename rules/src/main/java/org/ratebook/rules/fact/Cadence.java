package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a plan is billed: {@code every} times its {@link BillingPeriod} ("every 6 months", "every 2 weeks").
 * A count of 1 is the period itself and is written as before (MONTHLY, WEEKLY), so packs written before counts
 * existed read, export and hash as they did. An hourly price is per {@code every} hours of service; it is still
 * billed along the monthly cycle.
 */
public record Cadence(BillingPeriod unit, int every) {

    /** The most periods one billing period may span (100 years of months); beyond that it is a typing slip. */
    public static final int MAX_EVERY = 1200;

    private static final Pattern COUNTED = Pattern.compile("(?:EVERY\\s+)?(\\d{1,4})\\s+([A-Z]+)");

    /** The unit words a count may take, singular or plural. */
    private static final Map<String, BillingPeriod> UNITS = Map.ofEntries(
            Map.entry("HOUR", BillingPeriod.HOURLY), Map.entry("HOURS", BillingPeriod.HOURLY),
            Map.entry("DAY", BillingPeriod.DAILY), Map.entry("DAYS", BillingPeriod.DAILY),
            Map.entry("WEEK", BillingPeriod.WEEKLY), Map.entry("WEEKS", BillingPeriod.WEEKLY),
            Map.entry("MONTH", BillingPeriod.MONTHLY), Map.entry("MONTHS", BillingPeriod.MONTHLY),
            Map.entry("QUARTER", BillingPeriod.QUARTERLY), Map.entry("QUARTERS", BillingPeriod.QUARTERLY),
            Map.entry("YEAR", BillingPeriod.ANNUAL), Map.entry("YEARS", BillingPeriod.ANNUAL));

    private static final Map<BillingPeriod, String> PLURALS = Map.of(BillingPeriod.HOURLY, "HOURS",
            BillingPeriod.DAILY, "DAYS", BillingPeriod.WEEKLY, "WEEKS", BillingPeriod.MONTHLY, "MONTHS",
            BillingPeriod.QUARTERLY, "QUARTERS", BillingPeriod.ANNUAL, "YEARS");

    public Cadence {
        if (unit == null) {
            throw new IllegalArgumentException("a billing period needs a unit");
        }
        if (every <= 0) {
            throw new IllegalArgumentException("a billing period is every 1 or more " + plural(unit).toLowerCase(
                    Locale.ROOT) + ", not " + every);
        }
        if (every > MAX_EVERY) {
            throw new IllegalArgumentException("a billing period of " + every + " " + plural(unit).toLowerCase(
                    Locale.ROOT) + " is more than " + MAX_EVERY);
        }
        if (unit == BillingPeriod.ONCE && every != 1) {
            throw new IllegalArgumentException("a phase billed once has no count");
        }
    }

    public static Cadence of(BillingPeriod unit) {
        return new Cadence(unit, 1);
    }

    /**
     * Reads a billing period as written in a price table: a period name (MONTHLY, ANNUAL, ONCE, any case) or a
     * count and a unit ("2 MONTHS", "every 6 months", "3 days"; HOUR(S), DAY(S), WEEK(S), MONTH(S),
     * QUARTER(S), YEAR(S)). "1 MONTH" is MONTHLY.
     *
     * @throws IllegalArgumentException saying what is wrong: an unknown period or unit, a count of 0
     */
    public static Cadence parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("billing_period must not be blank");
        }
        String written = text.strip().toUpperCase(Locale.ROOT);
        Matcher counted = COUNTED.matcher(written);
        if (counted.matches()) {
            BillingPeriod unit = UNITS.get(counted.group(2));
            if (unit == null) {
                throw new IllegalArgumentException("billing_period '" + text.strip() + "': unknown unit '"
                        + counted.group(2).toLowerCase(Locale.ROOT) + "'; the units are hours, days, weeks, "
                        + "months, quarters and years");
            }
            return new Cadence(unit, Integer.parseInt(counted.group(1)));
        }
        if (written.matches("(?:EVERY\\s+)?-\\d+\\s+[A-Z]+")) {
            throw new IllegalArgumentException("billing_period '" + text.strip() + "': the count must be 1 or more");
        }
        try {
            return of(BillingPeriod.valueOf(written));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("billing_period '" + text.strip() + "' is not a period: write ONCE, "
                    + "HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY or ANNUAL, or a count and a unit like '2 MONTHS'");
        }
    }

    /** As a price table writes it: the period's name for a count of 1, else "6 MONTHS". */
    public String label() {
        return every == 1 ? unit.name() : every + " " + plural(unit);
    }

    /** As an invoice line says it: "monthly", "every 6 months". */
    public String describe() {
        return every == 1 ? unit.name().toLowerCase(Locale.ROOT)
                : "every " + every + " " + plural(unit).toLowerCase(Locale.ROOT);
    }

    /** Months in one billing period (an hourly price is billed along the monthly cycle, whatever its count). */
    public int months() {
        return unit == BillingPeriod.HOURLY ? 1 : unit.months() * every;
    }

    /** Days in one period of a day-based plan (days, weeks); 0 for the others. */
    public int days() {
        return unit.days() * every;
    }

    public boolean dayBased() {
        return unit.dayBased();
    }

    /** The hours one price buys, for an hourly price (1 for a price per hour). */
    public int hoursPriced() {
        return unit == BillingPeriod.HOURLY ? every : 0;
    }

    /** The price per month of a plan billed this often, to compare plans billed over different periods. */
    public BigDecimal perMonth(BigDecimal price) {
        BigDecimal perUnit = unit.perMonth(price);
        return every == 1 ? perUnit : perUnit.divide(BigDecimal.valueOf(every), MathContext.DECIMAL64);
    }

    private static String plural(BillingPeriod unit) {
        return PLURALS.getOrDefault(unit, unit.name());
    }
}
