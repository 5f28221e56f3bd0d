package org.ratebook.engine.rating;

import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.time.BillingCycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The usage periods of a subscription: its billing periods as the recurring charge has them (the pack's
 * {@link BillingCycle} applied to the plan's {@link Cadence}, the first one from its start), cut to the time it
 * is in service (a phase named null stops service, a later phase resumes it). Pure: dates in, dates out; the
 * calendar arithmetic is {@link BillingCycle}'s, so usage and the plan's charge cannot drift apart.
 */
final class UsagePeriods {

    private UsagePeriods() {
    }

    /**
     * Every usage period that starts before {@code until} (exclusive), in order.
     *
     * @param cycle   where periods start (the pack's billing alignment applied to the subscription)
     * @param cadence how long one billing period of the plan lasts (monthly for plans billed only once or unknown)
     */
    static List<UsageWindow> until(List<PhaseStart> phases, BillingCycle cycle, Cadence cadence, LocalDate until) {
        Cadence every = cadence == null || cadence.unit() == BillingPeriod.ONCE ? Cadence.of(BillingPeriod.MONTHLY)
                : cadence;
        List<PhaseStart> timeline = phases.stream().sorted(Comparator.comparing(PhaseStart::from)).toList();
        if (timeline.isEmpty()) {
            return List.of();
        }
        List<UsageWindow> windows = new ArrayList<>();
        LocalDate periodFrom = cycle.periodStart(every, timeline.getFirst().from());
        while (periodFrom.isBefore(until)) {
            LocalDate periodTo = cycle.next(every, periodFrom);
            List<Service> spans = inService(timeline);
            for (int i = 0; i < spans.size(); i++) {
                Service s = spans.get(i);
                LocalDate from = latest(periodFrom, s.from());
                LocalDate to = s.to() == null ? periodTo : earliest(periodTo, s.to());
                if (from.isBefore(to)) {
                    // service stops on `to`: that day's events, recorded before the stop, still count (up to a resume)
                    LocalDate eventsTo = s.to() != null && to.equals(s.to()) ? to.plusDays(1) : to;
                    if (i + 1 < spans.size() && spans.get(i + 1).from().isBefore(eventsTo)) {
                        eventsTo = spans.get(i + 1).from();
                    }
                    windows.add(new UsageWindow(from, to, periodFrom, periodTo, eventsTo));
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

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
