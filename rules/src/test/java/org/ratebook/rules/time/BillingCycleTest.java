package org.ratebook.rules.time;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Where periods start under each billing alignment, for periods of one or several units. */
class BillingCycleTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static final Cadence MONTHLY = Cadence.of(BillingPeriod.MONTHLY);
    private static final Cadence QUARTERLY = Cadence.of(BillingPeriod.QUARTERLY);
    private static final Cadence ANNUAL = Cadence.of(BillingPeriod.ANNUAL);

    @Test
    void calendarYearsStartOnTheFirstOfJanuary() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.CALENDAR, 15, d("2022-03-15"));
        assertThat(cycle.periodStart(ANNUAL, d("2022-03-15"))).isEqualTo(d("2022-01-01"));
        assertThat(cycle.next(ANNUAL, d("2022-01-01"))).isEqualTo(d("2023-01-01"));
    }

    @Test
    void calendarQuartersStartInJanuaryAprilJulyAndOctober() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.CALENDAR, 20, d("2023-02-10"));
        assertThat(cycle.periodStart(QUARTERLY, d("2023-02-10"))).isEqualTo(d("2023-01-01"));
        assertThat(cycle.periodStart(QUARTERLY, d("2023-11-30"))).isEqualTo(d("2023-10-01"));
        assertThat(cycle.next(QUARTERLY, d("2023-10-01"))).isEqualTo(d("2024-01-01"));
        assertThat(cycle.periodStart(new Cadence(BillingPeriod.MONTHLY, 6), d("2023-08-15")))
                .isEqualTo(d("2023-07-01"));
    }

    @Test
    void calendarMonthsStartOnTheFirstWhateverTheStoredBillingDay() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.CALENDAR, 31, d("2022-03-15"));
        assertThat(cycle.periodStart(MONTHLY, d("2022-03-15"))).isEqualTo(d("2022-03-01"));
        assertThat(cycle.next(MONTHLY, d("2022-03-01"))).isEqualTo(d("2022-04-01"));
    }

    @Test
    void calendarPeriodsOfTwoYearsStartOnEvenYears() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.CALENDAR, 1, d("2023-03-01"));
        Cadence twoYears = new Cadence(BillingPeriod.ANNUAL, 2);
        assertThat(cycle.periodStart(twoYears, d("2023-03-01"))).isEqualTo(d("2022-01-01"));
        assertThat(cycle.next(twoYears, d("2022-01-01"))).isEqualTo(d("2024-01-01"));
    }

    @Test
    void calendarWeeksStartOnMonday() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.CALENDAR, 1, d("2023-05-03"));
        Cadence weekly = Cadence.of(BillingPeriod.WEEKLY);
        assertThat(cycle.periodStart(weekly, d("2023-05-03"))).isEqualTo(d("2023-05-01"));
        assertThat(cycle.next(weekly, d("2023-05-01"))).isEqualTo(d("2023-05-08"));
    }

    @Test
    void subscriptionAlignmentKeepsTheAnniversaryMonthOfLongPeriodsAfterAChange() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.SUBSCRIPTION, 1, d("2022-03-15"));
        // a plan change on 10 July 2022 still falls in the year that began on 15 March 2022
        assertThat(cycle.periodStart(ANNUAL, d("2022-07-10"))).isEqualTo(d("2022-03-15"));
        assertThat(cycle.next(ANNUAL, d("2022-03-15"))).isEqualTo(d("2023-03-15"));
        assertThat(cycle.periodStart(MONTHLY, d("2022-07-10"))).isEqualTo(d("2022-06-15"));
    }

    @Test
    void subscriptionAlignmentOnThe31stLandsOnShortMonthsAndComesBack() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.SUBSCRIPTION, 1, d("2022-08-31"));
        Cadence half = new Cadence(BillingPeriod.MONTHLY, 6);
        assertThat(cycle.periodStart(half, d("2023-02-28"))).isEqualTo(d("2023-02-28"));
        assertThat(cycle.next(half, d("2023-02-28"))).isEqualTo(d("2023-08-31"));
    }

    @Test
    void accountAlignmentIsWhatBillingDidBeforeAlignmentsExisted() {
        BillingCycle cycle = BillingCycle.of(BillingAlignment.ACCOUNT, 1, d("2022-03-15"));
        assertThat(cycle.periodStart(ANNUAL, d("2022-03-15")))
                .isEqualTo(BillingPeriod.ANNUAL.periodStart(d("2022-03-15"), 1)).isEqualTo(d("2022-03-01"));
        assertThat(cycle.next(ANNUAL, d("2022-03-01"))).isEqualTo(BillingPeriod.ANNUAL.next(d("2022-03-01"), 1));
        BillingCycle bcd31 = BillingCycle.of(BillingAlignment.ACCOUNT, 31, d("2022-01-10"));
        assertThat(bcd31.next(MONTHLY, d("2022-02-28"))).isEqualTo(d("2022-03-31"));
    }

    @Test
    void severalDaysOrWeeksAndUnevenMonthsHaveNoCalendar() {
        assertThat(BillingCycle.unsupported(BillingAlignment.CALENDAR, new Cadence(BillingPeriod.WEEKLY, 2)))
                .contains("2 weeks has no calendar");
        assertThat(BillingCycle.unsupported(BillingAlignment.CALENDAR, new Cadence(BillingPeriod.DAILY, 3)))
                .contains("3 days has no calendar");
        assertThat(BillingCycle.unsupported(BillingAlignment.CALENDAR, new Cadence(BillingPeriod.MONTHLY, 5)))
                .contains("5 months does not divide the calendar year");
        assertThat(BillingCycle.unsupported(BillingAlignment.CALENDAR, new Cadence(BillingPeriod.MONTHLY, 6))).isNull();
        assertThat(BillingCycle.unsupported(BillingAlignment.CALENDAR, new Cadence(BillingPeriod.ANNUAL, 2))).isNull();
        assertThat(BillingCycle.unsupported(BillingAlignment.SUBSCRIPTION, new Cadence(BillingPeriod.WEEKLY, 2)))
                .isNull();
    }
}
