package org.ratebook.engine.billing.generator;

import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.rules.time.DayCount;
import org.ratebook.rules.time.Fraction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Works out, for one subscription and a target date, what is due: the spans of service to charge and the
 * repairs of earlier items. It compares what the subscription's states call for with what was billed, so
 * running it again bills nothing twice, and billed time that is no longer owed (an immediate change or
 * cancellation) is given back, at the share of what was actually billed.
 * <p>
 * Recurring phases are billed along the billing cycle: periods start where the pack's billing alignment puts
 * them ({@link BillingCycle}: the billing cycle day clamped to short months, the subscription's anniversary, or
 * the calendar), periods last the plan's count of units, the first period of a state is the one its start falls in, and a partial span is the
 * fraction of its period under the tenant's {@link DayCount}. In advance, a span is due on its first day; in
 * arrear, on the day after it ends.
 */
public final class InvoiceGenerator {

    private final DayCount dayCount;
    private final Currency currency;
    private final RoundingMode rounding;

    public InvoiceGenerator(DayCount dayCount, Currency currency, RoundingMode rounding) {
        this.dayCount = dayCount;
        this.currency = currency;
        this.rounding = rounding;
    }

    /** What is due when periods follow the billing cycle day {@code billCycleDay} (ACCOUNT alignment). */
    public Proposal propose(String subscriptionId, int billCycleDay, List<ServiceState> states,
                            List<BilledItem> billed, LocalDate target) {
        return propose(subscriptionId, BillingCycle.onDay(billCycleDay), states, billed, target);
    }

    /** What is due when periods follow {@code cycle} (the pack's billing alignment applied to the subscription). */
    public Proposal propose(String subscriptionId, BillingCycle cycle, List<ServiceState> states,
                            List<BilledItem> billed, LocalDate target) {
        List<ServiceState> timeline = withoutProration(cycle,
                states.stream().sorted(Comparator.comparing(ServiceState::from)).toList());
        Map<LocalDate, LocalDate> carried = carried(cycle, timeline);
        LocalDate horizon = billed.stream().map(BilledItem::to).filter(t -> t != null)
                .reduce(target.plusDays(1), (a, b) -> a.isAfter(b) ? a : b);
        List<Span> wanted = wanted(subscriptionId, cycle, timeline, horizon);

        List<Span> charges = new ArrayList<>();
        List<Span> alreadyBilled = new ArrayList<>();
        for (Span span : wanted) {
            List<Span> open = unbilled(span, billed).stream().map(s -> carry(s, carried)).toList();
            charges.addAll(open.stream().filter(s -> !s.invoiceDate().isAfter(target)).toList());
            if (open.isEmpty() && !span.invoiceDate().isAfter(target)) {
                alreadyBilled.add(span);
            }
        }
        List<Repair> repairs = new ArrayList<>();
        for (BilledItem item : billed) {
            if (item.kind() == ItemKind.RECURRING) {
                repairs.addAll(repairs(item, wanted, billed).stream()
                        .map(r -> carried.containsKey(r.invoiceDate()) ? new Repair(r.original(), r.from(), r.to(),
                                r.amount(), carried.get(r.invoiceDate())) : r)
                        .filter(r -> !r.invoiceDate().isAfter(target)).toList());
            }
        }
        return new Proposal(charges, repairs, alreadyBilled);
    }

    /**
     * The states as billed when a change chose no proration ({@link ProrationBehaviour#NONE}, Stripe's
     * {@code none}): the period the change falls in stays billed as it was, and the new state is billed from the
     * next period on, as if the change had come then. A change of billing period (monthly to quarterly) has no
     * such next period in common and is prorated at once.
     */
    private static List<ServiceState> withoutProration(BillingCycle cycle, List<ServiceState> timeline) {
        List<ServiceState> result = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            ServiceState state = timeline.get(i);
            LocalDate nextPeriod = midPeriod(cycle, i == 0 ? null : timeline.get(i - 1), state,
                    ProrationBehaviour.NONE);
            if (nextPeriod == null) {
                result.add(state);
            } else if (i + 1 == timeline.size() || nextPeriod.isBefore(timeline.get(i + 1).from())) {
                result.add(state.startingOn(nextPeriod));
            } // else: the next state starts before the next period does; this one is never billed
        }
        return result;
    }

    /**
     * Changes that carry their proration to the next invoice ({@link ProrationBehaviour#CREATE_PRORATIONS},
     * Stripe's {@code create_prorations}): the day of the change, which is when its new charge and the unused time
     * of the old one would be invoiced, to the first day of the next period, whose invoice carries them instead.
     */
    private static Map<LocalDate, LocalDate> carried(BillingCycle cycle, List<ServiceState> timeline) {
        Map<LocalDate, LocalDate> carried = new HashMap<>();
        for (int i = 1; i < timeline.size(); i++) {
            LocalDate nextPeriod = midPeriod(cycle, timeline.get(i - 1), timeline.get(i),
                    ProrationBehaviour.CREATE_PRORATIONS);
            if (nextPeriod != null) {
                carried.put(timeline.get(i).from(), nextPeriod);
            }
        }
        return carried;
    }

    /**
     * The start of the next period when {@code state} was started by a change with {@code behaviour} in the middle
     * of a period of {@code before}, billed at the same cadence; null otherwise (nothing to prorate, or a change of
     * billing period, which is prorated and invoiced at once).
     */
    private static LocalDate midPeriod(BillingCycle cycle, ServiceState before, ServiceState state,
                                       ProrationBehaviour behaviour) {
        if (state.proration() != behaviour || before == null || !before.bills() || !before.recurring()
                || !state.bills() || !state.recurring() || !before.cadence().equals(state.cadence())) {
            return null;
        }
        LocalDate periodStart = cycle.periodStart(state.cadence(), state.from());
        return periodStart.equals(state.from()) ? null : cycle.next(state.cadence(), periodStart);
    }

    /** A charge that starts on the day of a change carrying its proration is invoiced on the next period's day. */
    private static Span carry(Span span, Map<LocalDate, LocalDate> carried) {
        LocalDate to = carried.get(span.invoiceDate());
        if (to == null || !span.from().equals(span.invoiceDate())) {
            return span;
        }
        return new Span(span.subscriptionId(), span.plan(), span.phase(), span.quantity(), span.kind(), span.from(),
                span.to(), span.periodFrom(), span.periodTo(), span.fraction(), to);
    }

    /** Every span the states call for, from the first state up to {@code horizon}. */
    private List<Span> wanted(String subscriptionId, BillingCycle cycle, List<ServiceState> timeline,
                              LocalDate horizon) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            ServiceState state = timeline.get(i);
            LocalDate end = i + 1 < timeline.size() ? timeline.get(i + 1).from() : null;
            if (!state.bills() || (end != null && !state.from().isBefore(end))) {
                continue;
            }
            if (!state.recurring()) {
                spans.add(new Span(subscriptionId, state.plan(), state.phase(), state.quantity(), ItemKind.FIXED,
                        state.from(), end, state.from(), end, Fraction.WHOLE, state.from()));
                continue;
            }
            LocalDate periodFrom = cycle.periodStart(state.cadence(), state.from());
            while ((end == null || periodFrom.isBefore(end)) && periodFrom.isBefore(horizon)) {
                LocalDate periodTo = cycle.next(state.cadence(), periodFrom);
                LocalDate from = periodFrom.isBefore(state.from()) ? state.from() : periodFrom;
                LocalDate to = end != null && end.isBefore(periodTo) ? end : periodTo;
                if (from.isBefore(to)) {
                    spans.add(span(subscriptionId, state, from, to, periodFrom, periodTo));
                }
                periodFrom = periodTo;
            }
        }
        return spans;
    }

    private Span span(String subscriptionId, ServiceState state, LocalDate from, LocalDate to, LocalDate periodFrom,
                      LocalDate periodTo) {
        return new Span(subscriptionId, state.plan(), state.phase(), state.quantity(), ItemKind.RECURRING, from, to,
                periodFrom, periodTo, counting(periodFrom, periodTo).fraction(from, to, periodFrom, periodTo),
                state.mode() == BillingMode.IN_ADVANCE ? from : to);
    }

    /** The parts of a wanted span that no earlier item (net of its repairs) already covers. */
    private List<Span> unbilled(Span span, List<BilledItem> billed) {
        ItemKey key = new ItemKey(span.plan(), span.phase(), span.quantity(), span.kind());
        if (span.kind() == ItemKind.FIXED) {
            boolean done = billed.stream().anyMatch(b -> b.key().equals(key) && b.from().equals(span.from()));
            return done ? List.of() : List.of(span);
        }
        List<Interval> covered = new ArrayList<>();
        for (BilledItem item : billed) {
            if (item.kind() == ItemKind.RECURRING && item.key().equals(key)) {
                covered.addAll(new Interval(item.from(), item.to()).minus(repairedParts(item, billed)));
            }
        }
        boolean inAdvance = span.invoiceDate().equals(span.from());
        return new Interval(span.from(), span.to()).minus(covered).stream()
                .map(piece -> new Span(span.subscriptionId(), span.plan(), span.phase(), span.quantity(), span.kind(),
                        piece.from(), piece.to(), span.periodFrom(), span.periodTo(),
                        counting(span.periodFrom(), span.periodTo())
                                .fraction(piece.from(), piece.to(), span.periodFrom(), span.periodTo()),
                        inAdvance ? piece.from() : piece.to()))
                .toList();
    }

    /** The parts of a billed charge that the states no longer call for and no repair has given back yet. */
    private List<Repair> repairs(BilledItem item, List<Span> wanted, List<BilledItem> billed) {
        Interval billedSpan = new Interval(item.from(), item.to());
        List<Interval> stillWanted = new ArrayList<>();
        for (Span span : wanted) {
            if (span.kind() == ItemKind.RECURRING && new ItemKey(span.plan(), span.phase(), span.quantity(),
                    span.kind()).equals(item.key())) {
                stillWanted.add(billedSpan.intersect(new Interval(span.from(), span.to())));
            }
        }
        List<Interval> notOwed = new ArrayList<>(stillWanted);
        notOwed.addAll(repairedParts(item, billed));
        List<Repair> repairs = new ArrayList<>();
        for (Interval gone : billedSpan.minus(notOwed)) {
            BigDecimal amount = share(item, gone).negate();
            if (amount.signum() != 0) {
                repairs.add(new Repair(item, gone.from(), gone.to(), amount, gone.from()));
            }
        }
        return repairs;
    }

    private static List<Interval> repairedParts(BilledItem item, List<BilledItem> billed) {
        return billed.stream()
                .filter(b -> b.kind() == ItemKind.REPAIR && item.from().equals(b.repairs())
                        && b.plan().equals(item.plan()) && b.quantity() == item.quantity()
                        && Objects.equals(b.phase(), item.phase()))
                .map(b -> new Interval(b.from(), b.to()))
                .toList();
    }

    /** The billed amount's share for {@code part} of the billed span, rounded once. */
    private BigDecimal share(BilledItem item, Interval part) {
        DayCount counting = counting(item.periodFrom(), item.periodTo());
        Fraction whole = counting.fraction(item.from(), item.to(), item.periodFrom(), item.periodTo());
        Fraction piece = counting.fraction(part.from(), part.to(), item.periodFrom(), item.periodTo());
        return item.amount()
                .multiply(BigDecimal.valueOf(piece.numerator() * whole.denominator()))
                .divide(BigDecimal.valueOf(piece.denominator() * whole.numerator()), MathContext.DECIMAL128)
                .setScale(currency.getDefaultFractionDigits(), rounding);
    }

    /**
     * The tenant's day-count convention for periods along the monthly cycle; a period shorter than any month is
     * day-based (daily, weekly), a number of days, so its parts are counted in actual days.
     */
    private DayCount counting(LocalDate periodFrom, LocalDate periodTo) {
        return java.time.temporal.ChronoUnit.DAYS.between(periodFrom, periodTo) < 28 ? DayCount.ACTUAL : dayCount;
    }

    /** The start of the billing cycle that {@code date} falls in: the last billing day on or before it. */
    static LocalDate cycleStartOnOrBefore(LocalDate date, int bcd) {
        return BillingPeriod.cycleStartOnOrBefore(date, bcd);
    }
}
