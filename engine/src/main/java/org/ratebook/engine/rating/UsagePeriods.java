package org.ratebook.engine.rating;

import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.rules.fact.BillingPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The usage periods of a subscription: its billing periods along the billing cycle day (the first one from
 * its start), cut to the time it is in service (a phase named null stops service, a later phase resumes it).
 * Pure: dates in, dates out.
 */
final class UsagePeriods {

    private UsagePeriods() {
    }

    /**
     * Every usage period that starts before {@code until} (exclusive), in order.
     *
     * @param period how long one billing period of the plan lasts (monthly for plans billed only once)
     */
    static List<UsageWindow> until(List<PhaseStart> phases, int billCycleDay, BillingPeriod period, LocalDate until) {
        BillingPeriod cycle = period == null || period == BillingPeriod.ONCE ? BillingPeriod.MONTHLY : period;
        List<PhaseStart> timeline = phases.stream().sorted(Comparator.comparing(PhaseStart::from)).toList();
        if (timeline.isEmpty()) {
            return List.of();
        }
        LocalDate start = timeline.getFirst().from();
        int bcd = billCycleDay > 0 ? billCycleDay : start.getDayOfMonth();
        List<UsageWindow> windows = new ArrayList<>();
        LocalDate periodFrom = cycleStartOnOrBefore(start, bcd);
        while (periodFrom.isBefore(until)) {
            LocalDate periodTo = cycle.next(periodFrom, bcd);
            for (Service s : inService(timeline)) {
                LocalDate from = latest(periodFrom, s.from());
                LocalDate to = s.to() == null ? periodTo : earliest(periodTo, s.to());
                if (from.isBefore(to)) {
                    windows.add(new UsageWindow(from, to, periodFrom, periodTo));
                }
            }
            periodFrom = periodTo;
        }
        return windows;
    }

    private record Service(LocalDate from, LocalDate to) {
    }

    /** The spans the subscription is in service: from a phase to the next stop (null: still in service). */
    private static List<Service> inService(List<PhaseStart> timeline) {
        List<Service> spans = new ArrayList<>();
        LocalDate open = null;
        for (PhaseStart p : timeline) {
            if (p.phase() != null && open == null) {
                open = p.from();
            } else if (p.phase() == null && open != null) {
                spans.add(new Service(open, p.from()));
                open = null;
            }
        }
        if (open != null) {
            spans.add(new Service(open, null));
        }
        return spans;
    }

    /** The start of the billing cycle that {@code date} falls in: the last billing day on or before it. */
    static LocalDate cycleStartOnOrBefore(LocalDate date, int bcd) {
        LocalDate candidate = date.withDayOfMonth(Math.min(bcd, date.lengthOfMonth()));
        if (!candidate.isAfter(date)) {
            return candidate;
        }
        LocalDate previous = date.minusMonths(1);
        return previous.withDayOfMonth(Math.min(bcd, previous.lengthOfMonth()));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
