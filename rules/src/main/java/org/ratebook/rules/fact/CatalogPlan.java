package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One row of a rule pack's price table: a plan phase's price in one currency. A plan is its phases in order
 * (trial, discount, fixed term, evergreen); a phase with a {@code duration} ("30 DAYS", "3 MONTHS") hands
 * over to the next one, one without lasts. A phase billed {@link BillingPeriod#ONCE} is one fixed item for
 * its whole span (a free trial is one at 0.00); the others are billed per period, every {@code every} periods
 * ("every 6 months" is MONTHLY with {@code every} 6; see {@link Cadence}).
 */
public record CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                          BillingMode mode, String phase, String duration, int every) {

    public static final String EVERGREEN = "evergreen";

    public CatalogPlan {
        phase = phase == null || phase.isBlank() ? EVERGREEN : phase.strip().toLowerCase(Locale.ROOT);
        duration = duration == null || duration.isBlank() ? null : duration.strip().toUpperCase(Locale.ROOT);
        if (duration != null && !duration.matches("\\d{1,4} (DAYS|MONTHS)")) {
            throw new IllegalArgumentException("a phase duration is like '30 DAYS' or '3 MONTHS', not '" + duration + "'");
        }
        // rows stored before counts existed read back with none: they are billed every single period
        every = every == 0 ? 1 : every;
        if (period != null) {
            new Cadence(period, every);
        }
    }

    /** A phase billed every single period. */
    public CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                       BillingMode mode, String phase, String duration) {
        this(code, product, currency, price, period, mode, phase, duration, 1);
    }


    /** An evergreen plan: one phase, billed per period for ever. */
    public CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                       BillingMode mode) {
        this(code, product, currency, price, period, mode, EVERGREEN, null);
    }

    /** How often the phase is billed: its period times its count. */
    public Cadence cadence() {
        return new Cadence(period, every);
    }

    public boolean recurring() {
        return period != BillingPeriod.ONCE;
    }

    /** The day this phase hands over to the next when it starts on {@code start}; null if it lasts. */
    public LocalDate endsAfter(LocalDate start) {
        if (duration == null) {
            return null;
        }
        String[] parts = duration.split(" ");
        int count = Integer.parseInt(parts[0]);
        return parts[1].equals("DAYS") ? start.plusDays(count) : start.plusMonths(count);
    }
}
