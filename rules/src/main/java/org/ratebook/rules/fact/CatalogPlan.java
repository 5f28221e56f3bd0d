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
 * <p>
 * {@code priceList} names the price list the row belongs to ({@value #DEFAULT_PRICE_LIST} when blank): the
 * DEFAULT list's rows define the plan (its phases, period and mode), a row of another list gives the same phase
 * another price (see decision 016). {@code productType} says what the plan's product is to the others (BASE when
 * blank).
 */
public record CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                          BillingMode mode, String phase, String duration, String priceList,
                          ProductType productType, int every) {

    public static final String EVERGREEN = "evergreen";
    public static final String DEFAULT_PRICE_LIST = "DEFAULT";

    public CatalogPlan {
        priceList = priceList == null || priceList.isBlank() ? DEFAULT_PRICE_LIST
                : priceList.strip().toUpperCase(Locale.ROOT);
        if (!priceList.matches("[A-Z0-9][A-Z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a price list is named with letters, digits, '-' and '_' (at most 32), "
                    + "not '" + priceList + "'");
        }
        productType = productType == null ? ProductType.BASE : productType;
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

    /** A row of the DEFAULT price list, of a BASE product, billed every single period. */
    public CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                       BillingMode mode, String phase, String duration) {
        this(code, product, currency, price, period, mode, phase, duration, null, null, 1);
    }

    /** A row of a price list, billed every single period. */
    public CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                       BillingMode mode, String phase, String duration, String priceList,
                       ProductType productType) {
        this(code, product, currency, price, period, mode, phase, duration, priceList, productType, 1);
    }

    /** A row of the DEFAULT price list, of a BASE product, billed every {@code every} periods. */
    public CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                       BillingMode mode, String phase, String duration, int every) {
        this(code, product, currency, price, period, mode, phase, duration, null, null, every);
    }

    /** An evergreen plan: one phase, billed per period for ever. */
    public CatalogPlan(String code, String product, String currency, BigDecimal price, BillingPeriod period,
                       BillingMode mode) {
        this(code, product, currency, price, period, mode, EVERGREEN, null);
    }

    /** Whether the row belongs to the DEFAULT price list, which defines the plan. */
    public boolean inDefaultList() {
        return DEFAULT_PRICE_LIST.equals(priceList);
    }

    /** This row at another price (a price kept from an earlier version of the pack). */
    public CatalogPlan withPrice(BigDecimal newPrice) {
        return new CatalogPlan(code, product, currency, newPrice, period, mode, phase, duration, priceList,
                productType, every);
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
