package org.ratebook.engine.billing.generator;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.rules.time.DayCount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peers' published scenarios (Kill Bill's beatrix, Lago's specs) through successive billing runs. A
 * price table stands in for the rules: a span costs the phase's price × quantity × its fraction.
 */
class InvoiceGeneratorTest {

    private static final String SUB = "sub-1";
    private static final Map<String, String> PRICES = Map.ofEntries(
            Map.entry("shotgun/trial", "0"), Map.entry("shotgun/evergreen", "249.95"),
            Map.entry("assault/trial", "0"), Map.entry("assault/evergreen", "599.95"),
            Map.entry("pistol/trial", "0"), Map.entry("pistol/evergreen", "29.95"),
            Map.entry("pistol-quarterly/evergreen", "69.95"),
            Map.entry("basic/evergreen", "19.95"),
            Map.entry("hosting/evergreen", "100"),
            Map.entry("seats/evergreen", "29.95"),
            Map.entry("calendar/trial", "0"), Map.entry("calendar/evergreen", "1.00"));

    /** Invoices as a list of items, and the lines each billing run added. */
    private static final class Ledger {
        final InvoiceGenerator generator;
        final int bcd;
        BillingCycle cycle;
        final List<ServiceState> states = new ArrayList<>();
        final List<BilledItem> billed = new ArrayList<>();

        Ledger(DayCount dayCount, int bcd) {
            this.generator = new InvoiceGenerator(dayCount, Currency.getInstance("USD"), RoundingMode.HALF_UP);
            this.bcd = bcd;
        }

        Ledger from(String date, String plan, String phase, int quantity, boolean recurring, BillingPeriod period,
                    BillingMode mode) {
            states.add(ServiceState.billing(LocalDate.parse(date), plan, phase, quantity, recurring, period, mode));
            return this;
        }

        Ledger monthly(String date, String plan, String phase) {
            return from(date, plan, phase, 1, true, BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE);
        }

        Ledger trial(String date, String plan) {
            return from(date, plan, "trial", 1, false, BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE);
        }

        Ledger stop(String date) {
            states.add(ServiceState.stopped(LocalDate.parse(date)));
            return this;
        }

        /** Runs billing for {@code target}; returns the new lines as "from..to amount". */
        List<String> bill(String target) {
            Proposal proposal = cycle == null ? generator.propose(SUB, bcd, states, billed, LocalDate.parse(target))
                    : generator.propose(SUB, cycle, states, billed, LocalDate.parse(target));
            List<String> lines = new ArrayList<>();
            for (Span span : proposal.charges()) {
                BigDecimal price = new BigDecimal(PRICES.get(span.plan() + "/" + span.phase()))
                        .multiply(BigDecimal.valueOf(span.quantity()));
                BigDecimal amount = span.fraction().of(price, Currency.getInstance("USD"), RoundingMode.HALF_UP);
                billed.add(BilledItem.charge(span, amount));
                lines.add(span.kind() + " " + span.from() + ".." + span.to() + " " + amount);
            }
            for (Repair repair : proposal.repairs()) {
                billed.add(BilledItem.repair(repair));
                lines.add("REPAIR " + repair.from() + ".." + repair.to() + " " + repair.amount());
            }
            return lines;
        }
    }

    @Test
    void shotgunThirtyDayFreeTrialThenEvergreen() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1).trial("2012-04-01", "shotgun")
                .monthly("2012-05-01", "shotgun", "evergreen");
        assertThat(ledger.bill("2012-04-01")).containsExactly("FIXED 2012-04-01..2012-05-01 0.00");
        assertThat(ledger.bill("2012-05-01")).containsExactly("RECURRING 2012-05-01..2012-06-01 249.95");
        assertThat(ledger.bill("2012-05-01")).as("a second run on the same day bills nothing").isEmpty();
    }

    @Test
    void billingDay31TrialEndsOnTheSecondOfMarchThenAnEndOfTermChange() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 31).trial("2012-02-01", "assault")
                .monthly("2012-03-02", "assault", "evergreen")
                .monthly("2012-03-31", "pistol", "evergreen");
        assertThat(ledger.bill("2012-02-01")).containsExactly("FIXED 2012-02-01..2012-03-02 0.00");
        assertThat(ledger.bill("2012-03-02")).containsExactly("RECURRING 2012-03-02..2012-03-31 561.24");
        assertThat(ledger.bill("2012-03-31")).containsExactly("RECURRING 2012-03-31..2012-04-30 29.95");
        assertThat(ledger.bill("2012-04-30")).containsExactly("RECURRING 2012-04-30..2012-05-31 29.95");
        assertThat(ledger.bill("2012-05-31")).containsExactly("RECURRING 2012-05-31..2012-06-30 29.95");
    }

    @Test
    void pistolChangedImmediatelyToAQuarterlyPlanIsProratedAndTheMonthRepaired() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1).trial("2012-04-01", "pistol")
                .monthly("2012-05-01", "pistol", "evergreen");
        ledger.bill("2012-04-01");
        assertThat(ledger.bill("2012-05-01")).containsExactly("RECURRING 2012-05-01..2012-06-01 29.95");

        ledger.from("2012-05-12", "pistol-quarterly", "evergreen", 1, true, BillingPeriod.QUARTERLY,
                BillingMode.IN_ADVANCE);
        assertThat(ledger.bill("2012-05-12")).containsExactly("RECURRING 2012-05-12..2012-08-01 61.59",
                "REPAIR 2012-05-12..2012-06-01 -19.32");
        assertThat(ledger.bill("2012-07-31")).isEmpty();
        assertThat(ledger.bill("2012-08-01")).containsExactly("RECURRING 2012-08-01..2012-11-01 69.95");
    }

    @Test
    void aChangeCarryingItsProrationIsInvoicedOnTheNextBillingDayAndOneWithoutNoneIsBilledFromThen() {
        Ledger carried = new Ledger(DayCount.ACTUAL, 1).monthly("2024-03-01", "basic", "evergreen");
        carried.bill("2024-03-01");
        carried.states.add(ServiceState.billing(LocalDate.parse("2024-03-16"), "hosting", "evergreen", 1, true,
                BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE).withProration(ProrationBehaviour.CREATE_PRORATIONS));
        assertThat(carried.bill("2024-03-16")).as("nothing on the day of the change").isEmpty();
        assertThat(carried.bill("2024-03-31")).isEmpty();
        assertThat(carried.bill("2024-04-01")).containsExactly("RECURRING 2024-03-16..2024-04-01 51.61",
                "RECURRING 2024-04-01..2024-05-01 100.00", "REPAIR 2024-03-16..2024-04-01 -10.30");
        assertThat(carried.bill("2024-04-01")).isEmpty();

        Ledger none = new Ledger(DayCount.ACTUAL, 1).monthly("2024-03-01", "basic", "evergreen");
        none.bill("2024-03-01");
        none.states.add(ServiceState.billing(LocalDate.parse("2024-03-16"), "hosting", "evergreen", 1, true,
                BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE).withProration(ProrationBehaviour.NONE));
        assertThat(none.bill("2024-03-16")).isEmpty();
        assertThat(none.bill("2024-04-01")).containsExactly("RECURRING 2024-04-01..2024-05-01 100.00");
    }

    @Test
    void inArrearAChangeWithoutProrationBillsTheOldPriceForTheWholePeriodAndTheNewOneFromTheNext() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1).from("2024-03-01", "basic", "evergreen", 1, true,
                BillingPeriod.MONTHLY, BillingMode.IN_ARREAR);
        ledger.states.add(ServiceState.billing(LocalDate.parse("2024-03-16"), "hosting", "evergreen", 1, true,
                BillingPeriod.MONTHLY, BillingMode.IN_ARREAR).withProration(ProrationBehaviour.NONE));
        assertThat(ledger.bill("2024-03-16")).isEmpty();
        assertThat(ledger.bill("2024-04-01")).containsExactly("RECURRING 2024-03-01..2024-04-01 19.95");
        assertThat(ledger.bill("2024-05-01")).containsExactly("RECURRING 2024-04-01..2024-05-01 100.00");
    }

    @Test
    void aChangeOfBillingPeriodIsProratedAtOnceEvenWhenItsProrationWasToBeCarried() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1).trial("2012-04-01", "pistol")
                .monthly("2012-05-01", "pistol", "evergreen");
        ledger.bill("2012-04-01");
        ledger.bill("2012-05-01");
        ledger.states.add(ServiceState.billing(LocalDate.parse("2012-05-12"), "pistol-quarterly", "evergreen", 1,
                true, BillingPeriod.QUARTERLY, BillingMode.IN_ADVANCE)
                .withProration(ProrationBehaviour.CREATE_PRORATIONS));
        assertThat(ledger.bill("2012-05-12")).containsExactly("RECURRING 2012-05-12..2012-08-01 61.59",
                "REPAIR 2012-05-12..2012-06-01 -19.32");
    }

    @Test
    void fixed30FirstPartialPeriods() {
        Ledger bcd23 = new Ledger(DayCount.FIXED_30, 23).monthly("2023-05-15", "basic", "evergreen");
        assertThat(bcd23.bill("2023-05-15")).containsExactly("RECURRING 2023-05-15..2023-05-23 5.32");
        Ledger june = new Ledger(DayCount.FIXED_30, 23).monthly("2023-06-15", "basic", "evergreen");
        assertThat(june.bill("2023-06-15")).containsExactly("RECURRING 2023-06-15..2023-06-23 5.32");
        Ledger bcd15 = new Ledger(DayCount.FIXED_30, 15).monthly("2023-05-23", "basic", "evergreen");
        assertThat(bcd15.bill("2023-05-23")).containsExactly("RECURRING 2023-05-23..2023-06-15 14.63");
    }

    @Test
    void fixed30ImmediateCancellationRepairsTheUnusedDays() {
        Ledger ledger = new Ledger(DayCount.FIXED_30, 23).monthly("2023-04-23", "basic", "evergreen");
        assertThat(ledger.bill("2023-04-23")).containsExactly("RECURRING 2023-04-23..2023-05-23 19.95");
        ledger.stop("2023-05-15");
        assertThat(ledger.bill("2023-05-15")).containsExactly("REPAIR 2023-05-15..2023-05-23 -5.32");
        assertThat(ledger.bill("2023-06-23")).as("nothing after the cancellation").isEmpty();
    }

    @Test
    void inArrearPauseBillsTheUsedPartAtOnceAndResumeBillsTheRestOnTheNextBillingDay() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1)
                .from("2020-01-01", "hosting", "evergreen", 1, true, BillingPeriod.MONTHLY, BillingMode.IN_ARREAR);
        assertThat(ledger.bill("2020-01-10")).isEmpty();
        ledger.stop("2020-01-15");
        assertThat(ledger.bill("2020-01-15")).containsExactly("RECURRING 2020-01-01..2020-01-15 45.16");
        ledger.from("2020-01-20", "hosting", "evergreen", 1, true, BillingPeriod.MONTHLY, BillingMode.IN_ARREAR);
        assertThat(ledger.bill("2020-01-31")).isEmpty();
        assertThat(ledger.bill("2020-02-01")).containsExactly("RECURRING 2020-01-20..2020-02-01 38.71");
    }

    @Test
    void seatsMultiplyThePriceAndAQuantityChangeOnTheNextBillingDayIsNotProrated() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1)
                .from("2026-01-01", "seats", "evergreen", 7, true, BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE);
        assertThat(ledger.bill("2026-01-01")).containsExactly("RECURRING 2026-01-01..2026-02-01 209.65");
        ledger.from("2026-02-01", "seats", "evergreen", 10, true, BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE);
        assertThat(ledger.bill("2026-02-01")).containsExactly("RECURRING 2026-02-01..2026-03-01 299.50");
    }

    @Test
    void inclusiveDaysCalendarPlanWithAndWithoutATrial() {
        Ledger plain = new Ledger(DayCount.INCLUSIVE_DAYS, 1).monthly("2022-03-15", "calendar", "evergreen");
        assertThat(plain.bill("2022-03-15")).containsExactly("RECURRING 2022-03-15..2022-04-01 0.55");
        Ledger trial = new Ledger(DayCount.INCLUSIVE_DAYS, 1).trial("2022-03-15", "calendar")
                .monthly("2022-03-18", "calendar", "evergreen");
        assertThat(trial.bill("2022-03-18")).containsExactly("FIXED 2022-03-15..2022-03-18 0.00",
                "RECURRING 2022-03-18..2022-04-01 0.45");
    }

    @Test
    void aLateRunCatchesUpEveryMissedPeriodOnce() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 15).monthly("2026-01-15", "basic", "evergreen");
        assertThat(ledger.bill("2026-03-20")).containsExactly("RECURRING 2026-01-15..2026-02-15 19.95",
                "RECURRING 2026-02-15..2026-03-15 19.95", "RECURRING 2026-03-15..2026-04-15 19.95");
        assertThat(ledger.bill("2026-03-20")).isEmpty();
    }

    @Test
    void aCancellationThatIsUndoneBeforeItTakesEffectChangesNothing() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1).monthly("2026-01-01", "basic", "evergreen");
        ledger.bill("2026-01-01");
        ledger.stop("2026-01-20");
        assertThat(ledger.bill("2026-01-10")).as("the cancellation is still in the future").isEmpty();
        ledger.states.removeLast(); // reinstated before the end of term
        assertThat(ledger.bill("2026-01-25")).isEmpty();
        assertThat(ledger.bill("2026-02-01")).containsExactly("RECURRING 2026-02-01..2026-03-01 19.95");
    }

    @Test
    void underSubscriptionAlignmentAChangeMidYearIsProratedToTheSubscriptionsAnniversary() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 1);
        ledger.cycle = BillingCycle.of(BillingAlignment.SUBSCRIPTION, 1, LocalDate.parse("2022-03-15"));
        ledger.from("2022-03-15", "hosting", "evergreen", 1, true, BillingPeriod.ANNUAL, BillingMode.IN_ADVANCE);
        assertThat(ledger.bill("2022-03-15")).containsExactly("RECURRING 2022-03-15..2023-03-15 100.00");
        // a second unit from 10 July: 10 July 2022 to 15 March 2023 is 248 of the year's 365 days
        ledger.from("2022-07-10", "hosting", "evergreen", 2, true, BillingPeriod.ANNUAL, BillingMode.IN_ADVANCE);
        assertThat(ledger.bill("2022-07-10")).containsExactly("RECURRING 2022-07-10..2023-03-15 135.89",
                "REPAIR 2022-07-10..2023-03-15 -67.95");
        assertThat(ledger.bill("2023-03-15")).containsExactly("RECURRING 2023-03-15..2024-03-15 200.00");
    }

    @Test
    void aPlanBilledEverySixMonthsUnderCalendarAlignmentStartsInJanuaryAndJuly() {
        Ledger ledger = new Ledger(DayCount.ACTUAL, 20);
        ledger.cycle = BillingCycle.of(BillingAlignment.CALENDAR, 20, LocalDate.parse("2023-05-01"));
        ledger.states.add(ServiceState.billing(LocalDate.parse("2023-05-01"), "hosting", "evergreen", 1, true,
                new Cadence(BillingPeriod.MONTHLY, 6), BillingMode.IN_ADVANCE));
        // 1 May to 1 July 2023 is 61 of the half year's 181 days: 100 x 61 / 181 = 33.70
        assertThat(ledger.bill("2023-05-01")).containsExactly("RECURRING 2023-05-01..2023-07-01 33.70");
        assertThat(ledger.bill("2023-07-01")).containsExactly("RECURRING 2023-07-01..2024-01-01 100.00");
    }

    @Test
    void cycleStartsClampToShortMonths() {
        assertThat(InvoiceGenerator.cycleStartOnOrBefore(LocalDate.parse("2012-03-02"), 31))
                .isEqualTo(LocalDate.parse("2012-02-29"));
        assertThat(InvoiceGenerator.cycleStartOnOrBefore(LocalDate.parse("2012-03-31"), 31))
                .isEqualTo(LocalDate.parse("2012-03-31"));
        assertThat(InvoiceGenerator.cycleStartOnOrBefore(LocalDate.parse("2023-05-15"), 23))
                .isEqualTo(LocalDate.parse("2023-04-23"));
    }
}
