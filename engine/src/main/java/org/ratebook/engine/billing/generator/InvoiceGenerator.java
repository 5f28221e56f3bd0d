package org.ratebook.engine.billing.generator;

import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
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
import java.util.List;
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
        List<ServiceState> timeline = states.stream().sorted(Comparator.comparing(ServiceState::from)).toList();
        LocalDate horizon = billed.stream().map(BilledItem::to).filter(t -> t != null)
                .reduce(target.plusDays(1), (a, b) -> a.isAfter(b) ? a : b);
        List<Span> wanted = wanted(subscriptionId, cycle, timeline, horizon);

        List<Span> charges = new ArrayList<>();
        List<Span> alreadyBilled = new ArrayList<>();
        for (Span span : wanted) {
            List<Span> open = unbilled(span, billed);
            charges.addAll(open.stream().filter(s -> !s.invoiceDate().isAfter(target)).toList());
            if (open.isEmpty() && !span.invoiceDate().isAfter(target)) {
                alreadyBilled.add(span);
            }
        }
        List<Repair> repairs = new ArrayList<>();
        for (BilledItem item : billed) {
            if (item.kind() == ItemKind.RECURRING) {
                repairs.addAll(repairs(item, wanted, billed).stream()
                        .filter(r -> !r.invoiceDate().isAfter(target)).toList());
            }
        }
        return new Proposal(charges, repairs, alreadyBilled);
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
