package org.ratebook.engine.rating;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.BillingCycle;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage periods are the plan's billing periods: same alignment, same count of units. */
class UsagePeriodsTest {

    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);
    private static final Cadence MONTHLY = Cadence.of(BillingPeriod.MONTHLY);

    @Test
    void accountAlignmentCutsOnTheBillingDayAsBefore() {
        List<UsageWindow> windows = UsagePeriods.until(List.of(new PhaseStart("evergreen", MAY_10)),
                BillingCycle.of(BillingAlignment.ACCOUNT, 15, MAY_10), MONTHLY, LocalDate.of(2026, 6, 16));
        assertThat(windows).containsExactly(
                new UsageWindow(MAY_10, LocalDate.of(2026, 5, 15), LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 15)),
                new UsageWindow(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 6, 15), LocalDate.of(2026, 5, 15),
                        LocalDate.of(2026, 6, 15)),
                new UsageWindow(LocalDate.of(2026, 6, 15), LocalDate.of(2026, 7, 15), LocalDate.of(2026, 6, 15),
                        LocalDate.of(2026, 7, 15)));
    }

    @Test
    void calendarAlignmentCutsOnTheFirstWhateverTheBillingDay() {
        List<UsageWindow> windows = UsagePeriods.until(List.of(new PhaseStart("evergreen", MAY_10)),
                BillingCycle.of(BillingAlignment.CALENDAR, 15, MAY_10), MONTHLY, LocalDate.of(2026, 6, 2));
        assertThat(windows).containsExactly(
                new UsageWindow(MAY_10, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1)),
                new UsageWindow(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 7, 1)));
    }

    @Test
    void everyTwoMonthsIsOneUsagePeriodOfTwoMonths() {
        LocalDate march1 = LocalDate.of(2026, 3, 1);
        List<UsageWindow> windows = UsagePeriods.until(List.of(new PhaseStart("evergreen", march1)),
                BillingCycle.of(BillingAlignment.ACCOUNT, 1, march1), new Cadence(BillingPeriod.MONTHLY, 2),
                LocalDate.of(2026, 5, 1));
        assertThat(windows).containsExactly(new UsageWindow(march1, LocalDate.of(2026, 5, 1), march1,
                LocalDate.of(2026, 5, 1)));
    }

    @Test
    void calendarQuartersOfAPlanStartedMidQuarter() {
        LocalDate feb10 = LocalDate.of(2023, 2, 10);
        List<UsageWindow> windows = UsagePeriods.until(List.of(new PhaseStart("evergreen", feb10)),
                BillingCycle.of(BillingAlignment.CALENDAR, 20, feb10), Cadence.of(BillingPeriod.QUARTERLY),
                LocalDate.of(2023, 4, 1));
        assertThat(windows).containsExactly(new UsageWindow(feb10, LocalDate.of(2023, 4, 1),
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 1)));
    }

    @Test
    void aStopCutsThePeriodAndAPlanBilledOnceFollowsMonths() {
        List<UsageWindow> windows = UsagePeriods.until(List.of(new PhaseStart("evergreen", MAY_10),
                        PhaseStart.stopped(LocalDate.of(2026, 6, 20))),
                BillingCycle.of(BillingAlignment.CALENDAR, 0, MAY_10), Cadence.of(BillingPeriod.ONCE),
                LocalDate.of(2026, 8, 1));
        assertThat(windows).extracting(UsageWindow::from, UsageWindow::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MAY_10, LocalDate.of(2026, 6, 1)),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 20)));
    }

    @Test
    void theDayServiceStopsCountsItsEventsUpToAResumeTheNextDay() {
        LocalDate april1 = LocalDate.of(2026, 4, 1);
        List<UsageWindow> cancelled = UsagePeriods.until(List.of(new PhaseStart("evergreen", april1),
                        PhaseStart.stopped(LocalDate.of(2026, 4, 15))),
                BillingCycle.of(BillingAlignment.ACCOUNT, 1, april1), MONTHLY, LocalDate.of(2026, 5, 2));
        assertThat(cancelled).containsExactly(new UsageWindow(april1, LocalDate.of(2026, 4, 15), april1,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 16)));

        List<UsageWindow> pausedOneDay = UsagePeriods.until(List.of(new PhaseStart("evergreen", april1),
                        PhaseStart.stopped(LocalDate.of(2026, 4, 10)), new PhaseStart("evergreen",
                                LocalDate.of(2026, 4, 11))),
                BillingCycle.of(BillingAlignment.ACCOUNT, 1, april1), MONTHLY, LocalDate.of(2026, 5, 1));
        assertThat(pausedOneDay).extracting(UsageWindow::from, UsageWindow::to, UsageWindow::eventsTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(april1, LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 11)),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 5, 1),
                                LocalDate.of(2026, 5, 1)));
    }
}
