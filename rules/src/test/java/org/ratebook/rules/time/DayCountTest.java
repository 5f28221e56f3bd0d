package org.ratebook.rules.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.ratebook.rules.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The peers' published figures (Kill Bill and Lago test suites), reproduced to the cent by the proration
 * production calls: {@link Rounding#prorate}, the pack's money policy, for charges (PricingOutput) and for
 * giving back part of a charge (the engine's repairs, with {@link Fraction#per}).
 */
class DayCountTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static String prorate(DayCount dayCount, String price, Currency currency, LocalDate from, LocalDate to,
                                  LocalDate periodFrom, LocalDate periodTo) {
        return Rounding.DEFAULT.prorate(new BigDecimal(price), dayCount.fraction(from, to, periodFrom, periodTo),
                currency).toPlainString();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void actualTrialEndingOnTheSecondOfMarchWithBillingDay31() {
        // period [2012-02-29, 2012-03-31): February clamps the 31st to the 29th
        assertThat(prorate(DayCount.ACTUAL, "599.95", USD, d("2012-03-02"), d("2012-03-31"), d("2012-02-29"),
                d("2012-03-31"))).isEqualTo("561.24");
    }

    @Test
    void actualImmediateChangeToAQuarterlyPlanAndTheRepairOfTheMonthlyOne() {
        assertThat(prorate(DayCount.ACTUAL, "69.95", USD, d("2012-05-12"), d("2012-08-01"), d("2012-05-01"),
                d("2012-08-01"))).isEqualTo("61.59");
        assertThat(prorate(DayCount.ACTUAL, "29.95", USD, d("2012-05-12"), d("2012-06-01"), d("2012-05-01"),
                d("2012-06-01"))).isEqualTo("19.32");
    }

    @Test
    void theRepairOfAChargeIsItsShareOfWhatWasBilledByTheSameFunction() {
        // Kill Bill: monthly 29.95 billed whole for [05-01, 06-01), changed on 05-12: [05-12, 06-01) given back
        Fraction whole = DayCount.ACTUAL.fraction(d("2012-05-01"), d("2012-06-01"), d("2012-05-01"), d("2012-06-01"));
        Fraction unused = DayCount.ACTUAL.fraction(d("2012-05-12"), d("2012-06-01"), d("2012-05-01"), d("2012-06-01"));
        assertThat(Rounding.DEFAULT.prorate(new BigDecimal("29.95"), Fraction.per(unused, whole), USD))
                .isEqualByComparingTo("19.32");
        // a charge that was itself prorated (20/31 of 49.00 x 3 = 94.84) gives back 10 of its 20 days: half of it,
        // computed from the amount billed, exactly, and rounded once
        Fraction billed = DayCount.ACTUAL.fraction(d("2026-01-12"), d("2026-02-01"), d("2026-01-01"), d("2026-02-01"));
        Fraction back = DayCount.ACTUAL.fraction(d("2026-01-22"), d("2026-02-01"), d("2026-01-01"), d("2026-02-01"));
        BigDecimal charged = Rounding.DEFAULT.prorate(new BigDecimal("147.00"), billed, EUR);
        assertThat(charged).isEqualByComparingTo("94.84");
        assertThat(Fraction.per(back, billed)).isEqualTo(new Fraction(310, 620));
        assertThat(Rounding.DEFAULT.prorate(charged, Fraction.per(back, billed), EUR)).isEqualByComparingTo("47.42");
        // the pack's rounding mode is the policy's: half-even rounds the same half cent the other way
        assertThat(new Rounding(RoundingMode.HALF_EVEN).prorate(new BigDecimal("0.25"), new Fraction(1, 2), EUR))
                .isEqualByComparingTo("0.12");
        assertThat(Rounding.DEFAULT.prorate(new BigDecimal("0.25"), new Fraction(1, 2), EUR))
                .isEqualByComparingTo("0.13");
        // the deprecated Fraction.of is the same function
        assertThat(unused.of(new BigDecimal("29.95"), USD, RoundingMode.HALF_UP))
                .isEqualByComparingTo(Rounding.DEFAULT.prorate(new BigDecimal("29.95"), unused, USD));
    }

    @Test
    void actualInArrearPauseAndResume() {
        assertThat(prorate(DayCount.ACTUAL, "100", USD, d("2020-01-01"), d("2020-01-15"), d("2020-01-01"),
                d("2020-02-01"))).isEqualTo("45.16");
        assertThat(prorate(DayCount.ACTUAL, "100", USD, d("2020-01-20"), d("2020-02-01"), d("2020-01-01"),
                d("2020-02-01"))).isEqualTo("38.71");
    }

    @Test
    void fixed30CountsEveryMonthAsThirtyDays() {
        // BCD 23, start 2023-05-15: [05-15, 05-23) of [04-23, 05-23) = 8/30
        assertThat(prorate(DayCount.FIXED_30, "19.95", USD, d("2023-05-15"), d("2023-05-23"), d("2023-04-23"),
                d("2023-05-23"))).isEqualTo("5.32");
        // the same span a month later costs the same, although May has 31 days and June 30
        assertThat(prorate(DayCount.FIXED_30, "19.95", USD, d("2023-06-15"), d("2023-06-23"), d("2023-05-23"),
                d("2023-06-23"))).isEqualTo("5.32");
        // BCD 15, start 2023-05-23: [05-23, 06-15) of [05-15, 06-15) = 22/30
        assertThat(prorate(DayCount.FIXED_30, "19.95", USD, d("2023-05-23"), d("2023-06-15"), d("2023-05-15"),
                d("2023-06-15"))).isEqualTo("14.63");
    }

    @Test
    void fixed30RepairOfAnImmediateCancellation() {
        // BCD 23 from 2023-04-23, cancelled 2023-05-15: unused [05-15, 05-23) of [04-23, 05-23)
        assertThat(prorate(DayCount.FIXED_30, "19.95", USD, d("2023-05-15"), d("2023-05-23"), d("2023-04-23"),
                d("2023-05-23"))).isEqualTo("5.32");
    }

    @Test
    void fixed30WithBillingDay31InFebruary() {
        // [2023-02-10, 2023-02-28) of [01-31, 02-28): February counts 30 days, the 28th stands for the 30th
        assertThat(DayCount.FIXED_30.fraction(d("2023-02-10"), d("2023-02-28"), d("2023-01-31"), d("2023-02-28")))
                .isEqualTo(new Fraction(20, 30));
        // [2023-02-28, 2023-03-10) of [02-28, 03-31): the 28th of February is the clamped 31st
        assertThat(DayCount.FIXED_30.fraction(d("2023-02-28"), d("2023-03-10"), d("2023-02-28"), d("2023-03-31")))
                .isEqualTo(new Fraction(10, 30));
        // with billing day 28 the 28th is just the 28th
        assertThat(DayCount.FIXED_30.fraction(d("2023-02-28"), d("2023-03-05"), d("2023-02-28"), d("2023-03-28")))
                .isEqualTo(new Fraction(7, 30));
    }

    @Test
    void inclusiveDaysInCents() {
        // 100 cents a month, calendar billing, started 2022-03-15: 17 of 31 days
        assertThat(prorate(DayCount.INCLUSIVE_DAYS, "1.00", EUR, d("2022-03-15"), d("2022-04-01"), d("2022-03-01"),
                d("2022-04-01"))).isEqualTo("0.55");
        // with a 3-day trial (15th-17th free): 14 of 31 days
        assertThat(prorate(DayCount.INCLUSIVE_DAYS, "1.00", EUR, d("2022-03-18"), d("2022-04-01"), d("2022-03-01"),
                d("2022-04-01"))).isEqualTo("0.45");
        // a yearly plan started 2022-03-15: 292 of 365 days
        assertThat(prorate(DayCount.INCLUSIVE_DAYS, "1.00", EUR, d("2022-03-15"), d("2023-01-01"), d("2022-01-01"),
                d("2023-01-01"))).isEqualTo("0.80");
    }

    @Test
    void theDayOfACancellationIsServedOnlyWhenCountingInclusiveDays() {
        assertThat(DayCount.ACTUAL.serviceEndsAfter(d("2022-03-20"))).isEqualTo(d("2022-03-20"));
        assertThat(DayCount.FIXED_30.serviceEndsAfter(d("2022-03-20"))).isEqualTo(d("2022-03-20"));
        assertThat(DayCount.INCLUSIVE_DAYS.serviceEndsAfter(d("2022-03-20"))).isEqualTo(d("2022-03-21"));
    }

    @ParameterizedTest
    @EnumSource(DayCount.class)
    void adjacentSpansAlwaysAddUpToTheWholePeriod(DayCount dayCount) {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            LocalDate periodFrom = d("2020-01-01").plusDays(random.nextInt(2_000));
            int bcd = periodFrom.getDayOfMonth();
            int months = 1 + random.nextInt(12);
            LocalDate periodTo = periodFrom.plusMonths(months);
            periodTo = periodTo.withDayOfMonth(Math.min(Math.max(bcd, periodTo.getDayOfMonth()), periodTo.lengthOfMonth()));
            long length = java.time.temporal.ChronoUnit.DAYS.between(periodFrom, periodTo);
            LocalDate split = periodFrom.plusDays(random.nextLong(length + 1));
            Fraction head = dayCount.fraction(periodFrom, split, periodFrom, periodTo);
            Fraction tail = dayCount.fraction(split, periodTo, periodFrom, periodTo);
            String what = dayCount + " split at " + split + " of [" + periodFrom + ", " + periodTo + ")";
            if (split.equals(periodFrom)) {
                assertThat(head.numerator()).as(what).isZero();
                assertThat(tail.isWhole()).as(what).isTrue();
            } else if (split.equals(periodTo)) {
                assertThat(head.isWhole()).as(what).isTrue();
                assertThat(tail.numerator()).as(what).isZero();
            } else {
                assertThat(head.denominator()).as(what).isEqualTo(tail.denominator());
                assertThat(head.numerator() + tail.numerator()).as(what).isEqualTo(head.denominator());
            }
        }
    }

    @Test
    void aSpanOutsideItsPeriodIsADefect() {
        assertThatThrownBy(() -> DayCount.ACTUAL.fraction(d("2026-01-01"), d("2026-02-02"), d("2026-01-01"),
                d("2026-02-01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
