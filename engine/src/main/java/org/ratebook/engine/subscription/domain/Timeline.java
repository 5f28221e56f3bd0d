package org.ratebook.engine.subscription.domain;

import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.rules.fact.CatalogPlan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A subscription's timeline: what it bills from each date on, earliest first, each entry lasting until the
 * next. Every lifecycle change is a new timeline that keeps the past and rewrites the future from the day the
 * change takes effect; the billing run compares what the timeline calls for with what was invoiced, so a change
 * back in an already-billed period turns into a repair of the billed time.
 */
public record Timeline(List<PhaseStart> entries) {

    public Timeline {
        entries = entries.stream().sorted(Comparator.comparing(PhaseStart::from)).toList();
    }

    /**
     * The phases of a plan for a subscription that started on {@code start}: each phase begins when the one before
     * ends; a last phase with a duration ends the service.
     */
    public static Timeline of(String plan, int quantity, List<CatalogPlan> phases, LocalDate start) {
        List<PhaseStart> timeline = new ArrayList<>();
        LocalDate from = start;
        for (CatalogPlan phase : phases) {
            timeline.add(new PhaseStart(phase.phase(), from, plan, quantity));
            LocalDate end = phase.endsAfter(from);
            if (end == null) {
                return new Timeline(timeline);
            }
            from = end;
        }
        timeline.add(PhaseStart.stopped(from));
        return new Timeline(timeline);
    }

    /** The entry in force on {@code day}, if the subscription had started by then. */
    public Optional<PhaseStart> on(LocalDate day) {
        PhaseStart current = null;
        for (PhaseStart entry : entries) {
            if (entry.from().isAfter(day)) {
                break;
            }
            current = entry;
        }
        return Optional.ofNullable(current);
    }

    /** When the entry in force on {@code day} hands over to the next one; null if it lasts. */
    public LocalDate nextChangeAfter(LocalDate day) {
        return entries.stream().map(PhaseStart::from).filter(d -> d.isAfter(day)).findFirst().orElse(null);
    }

    /** The past up to {@code day}, then {@code future} (whose entries start on or after {@code day}). */
    public Timeline from(LocalDate day, List<PhaseStart> future) {
        List<PhaseStart> result = new ArrayList<>(entries.stream().filter(e -> e.from().isBefore(day)).toList());
        result.addAll(future);
        return new Timeline(merge(result));
    }

    /**
     * A plan's phases aligned to the subscription's start (a trial already over stays over), cut to begin on
     * {@code day}: what a change of plan or a resume puts in place from that day.
     */
    public static List<PhaseStart> alignedFrom(Timeline planFromStart, LocalDate day) {
        List<PhaseStart> future = new ArrayList<>();
        planFromStart.on(day).ifPresent(current -> future.add(current.startingOn(day)));
        planFromStart.entries().stream().filter(e -> e.from().isAfter(day)).forEach(future::add);
        if (future.isEmpty() && !planFromStart.entries().isEmpty()) {
            future.add(planFromStart.entries().getFirst().startingOn(day));
        }
        return future;
    }

    /** The same timeline with {@code quantity} units from {@code day} on. */
    public Timeline withQuantityFrom(LocalDate day, int quantity) {
        List<PhaseStart> future = new ArrayList<>();
        on(day).ifPresent(current -> future.add(current.startingOn(day).withQuantity(quantity)));
        entries.stream().filter(e -> e.from().isAfter(day)).map(e -> e.withQuantity(quantity)).forEach(future::add);
        return from(day, future);
    }

    /** Nothing billed from {@code day} on. */
    public Timeline stoppedFrom(LocalDate day) {
        return from(day, List.of(PhaseStart.stopped(day)));
    }

    /** The day the service ends for good (the last entry stops it); null while it goes on. */
    public LocalDate endsOn() {
        PhaseStart last = entries.isEmpty() ? null : entries.getLast();
        return last == null || last.bills() ? null : last.from();
    }

    /** Consecutive entries that say the same thing are one entry. */
    private static List<PhaseStart> merge(List<PhaseStart> entries) {
        List<PhaseStart> merged = new ArrayList<>();
        for (PhaseStart entry : entries) {
            if (!merged.isEmpty() && same(merged.getLast(), entry)) {
                continue;
            }
            merged.add(entry);
        }
        return merged;
    }

    private static boolean same(PhaseStart a, PhaseStart b) {
        return java.util.Objects.equals(a.phase(), b.phase()) && java.util.Objects.equals(a.plan(), b.plan())
                && java.util.Objects.equals(a.quantity(), b.quantity())
                && java.util.Objects.equals(a.priceList(), b.priceList());
    }
}
