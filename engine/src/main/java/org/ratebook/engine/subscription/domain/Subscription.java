package org.ratebook.engine.subscription.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.subscription.projection.SubscriptionDirectory;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangeOutcome;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.ChangeQuantityCommand;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.PauseSubscriptionCommand;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.PlanChangedEvent;
import org.ratebook.engine.subscription.api.QuantityChangedEvent;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.ResumeSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.api.SubscriptionPausedEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionResumedEvent;
import org.ratebook.rules.decision.ChangeDecision;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account's use of a plan over time. Creating one checks, against the tenant's rule pack in effect, that the
 * plan exists in the account's currency, so nothing unpriceable is ever subscribed. Every later change (plan,
 * quantity, pause, resume, cancel, reinstate) records the whole timeline as it stands afterwards: the billing
 * run needs no other state to know what is owed, and a change back in billed time becomes a repair there.
 * <p>
 * A change without a date takes effect when the request says (at once, or at the end of the term being served)
 * or, if it says neither, when the seller's change policy rules say.
 */
@Aggregate
public class Subscription {

    @AggregateIdentifier
    private SubscriptionId subscriptionId;
    private TenantId tenantId;
    private AccountId accountId;
    private String currency;
    private LocalDate startDate;
    private int billCycleDay;
    private Timeline timeline;
    /** the latest day a change took or takes effect: changes are recorded in order, never before another */
    private LocalDate lastChangeOn;
    private LocalDate cancelledFrom;
    private Timeline beforeCancel;
    private LocalDate pausedFrom;
    private PhaseStart pausedEntry;
    private ProductType productType;
    /** the base subscription whose cancellation ended this add-on, while that cancellation stands */
    private SubscriptionId endedWithBase;
    /** the trial length this subscription was given at subscribe time instead of its plan's; null: the plan's */
    private Integer trialDays;

    protected Subscription() {
    }

    @CommandHandler
    public Subscription(CreateSubscriptionCommand command, AccountDirectory accounts, TenantPacks packs,
                        TenantClocks clocks, SubscriptionDirectory subscriptions) {
        AccountView account = accounts.find(command.tenantId(), command.accountId())
                .orElseThrow(() -> new NotFoundException("account " + command.accountId() + " does not exist"));
        if (command.quantity() <= 0) {
            throw new InvalidSubscriptionException("quantity must be at least 1, was " + command.quantity());
        }
        if (command.plan() == null || command.plan().isBlank()) {
            throw new InvalidSubscriptionException("a subscription needs a plan");
        }
        LocalDate start = command.startDate() == null ? today(clocks, command.tenantId(), account) : command.startDate();
        if (start.isBefore(account.createdOn())) {
            throw new InvalidSubscriptionException("start date " + start + " is before the account was opened ("
                    + account.createdOn() + ")");
        }
        RulePack pack = packs.inEffect(command.tenantId(), start);
        requirePriced(pack, command.plan(), account.currency());
        List<CatalogPlan> phases = Trials.phases(pack.phases(command.plan(), account.currency()), command.trialDays());
        String priceList = priceList(pack, command.priceList());
        ProductType type = pack.plan(command.plan(), account.currency()).orElseThrow().productType();
        SubscriptionView base = AddOns.base(type, command, start, subscriptions);
        // periods follow the account's billing cycle day (the first one prorated), or the start day if it has none;
        // an add-on's follow its base's, so both are billed together
        int billCycleDay = base != null ? base.billCycleDay()
                : account.billCycleDay() > 0 ? account.billCycleDay() : start.getDayOfMonth();
        apply(new SubscriptionCreatedEvent(command.tenantId(), command.subscriptionId(), command.accountId(),
                command.plan(), command.quantity(), account.currency(), start, billCycleDay, pack.version(),
                Timeline.of(command.plan(), command.quantity(), phases, start).entries(), priceList,
                type == ProductType.BASE ? null : type, base == null ? null : base.subscriptionId(),
                command.trialDays()));
    }

    @CommandHandler
    public ChangeOutcome handle(ChangePlanCommand command, AccountDirectory accounts, TenantPacks packs, TenantClocks clocks,
                       DecisionService decisions,
                                @MetaDataValue(ChangeOutcome.DRY_RUN) Boolean dryRun) {
        requireOwnedBy(command.tenantId());
        LocalDate today = today(clocks, accounts);
        requireChangeable(today, "changing its plan");
        LocalDate reference = today.isBefore(startDate) ? startDate : today;
        PhaseStart current = billingEntry(reference);
        RulePack pack = packs.inEffect(tenantId, reference);
        if (command.plan() == null || command.plan().isBlank()) {
            throw new InvalidSubscriptionException("a plan change needs the new plan");
        }
        requirePriced(pack, command.plan(), currency);
        ProductType newType = pack.plan(command.plan(), currency).orElseThrow().productType();
        if (newType != productType) {
            // an add-on belongs to a base and ends with it; a base carries add-ons: neither can become the other
            throw new InvalidSubscriptionException("plan '" + command.plan() + "' is " + article(newType) + " product "
                    + "and the subscription " + article(productType) + " one; a plan change keeps the product type");
        }
        String priceList = priceList(pack, command.priceList());
        // the same plan again only to buy it from another list
        if (command.plan().equals(current.plan()) && (priceList == null || priceList.equals(current.priceList()))) {
            throw new InvalidSubscriptionException("the subscription is already on plan '" + command.plan() + "'");
        }
        Timing timing = timing(command.effectiveOn(), command.timing(), reference, pack, decisions,
                PlanChange.ofPlan(subscriptionId.toString(), price(pack, current), pack.plan(command.plan(), currency)
                        .orElseThrow(), current.quantity(), today));
        int quantity = timeline.on(timing.effectiveOn()).filter(PhaseStart::bills).map(PhaseStart::quantity)
                .orElse(current.quantity());
        Timeline newPlan = new Timeline(Timeline.of(command.plan(), quantity,
                Trials.phases(pack.phases(command.plan(), currency), trialDays), startDate).entries().stream().map(e -> e.withPriceList(priceList)).toList());
        PlanChange change = PlanChange.ofPlan(subscriptionId.toString(), price(pack, current),
                pack.plan(command.plan(), currency).orElseThrow(), current.quantity(), today);
        Proration proration = proration(command.proration(), pack, decisions, change);
        return emit(new PlanChangedEvent(tenantId, subscriptionId, current.plan(), command.plan(), today,
                timing.effectiveOn(), timing.timing(), timing.decidedBy(), pack.version(),
                proration.mark(timeline.from(timing.effectiveOn(), Timeline.alignedFrom(newPlan, timing.effectiveOn())),
                        timing.effectiveOn()), priceList, proration.behaviour(), proration.decidedBy()), dryRun);
    }

    @CommandHandler
    public ChangeOutcome handle(ChangeQuantityCommand command, AccountDirectory accounts, TenantPacks packs,
                       TenantClocks clocks, DecisionService decisions,
                                @MetaDataValue(ChangeOutcome.DRY_RUN) Boolean dryRun) {
        requireOwnedBy(command.tenantId());
        if (command.quantity() <= 0) {
            throw new InvalidSubscriptionException("quantity must be at least 1, was " + command.quantity());
        }
        LocalDate today = today(clocks, accounts);
        requireChangeable(today, "changing its quantity");
        LocalDate reference = today.isBefore(startDate) ? startDate : today;
        PhaseStart current = billingEntry(reference);
        if (current.quantity() == command.quantity()) {
            throw new InvalidSubscriptionException("the subscription already has quantity " + command.quantity());
        }
        RulePack pack = packs.inEffect(tenantId, reference);
        PlanChange change = PlanChange.ofQuantity(subscriptionId.toString(), price(pack, current), current.quantity(),
                command.quantity(), today);
        Timing timing = timing(command.effectiveOn(), command.timing(), reference, pack, decisions, change);
        Proration proration = proration(command.proration(), pack, decisions, change);
        return emit(new QuantityChangedEvent(tenantId, subscriptionId, current.quantity(), command.quantity(), today,
                timing.effectiveOn(), timing.timing(), timing.decidedBy(),
                proration.mark(timeline.withQuantityFrom(timing.effectiveOn(), command.quantity()),
                        timing.effectiveOn()), proration.behaviour(), proration.decidedBy()), dryRun);
    }

    @CommandHandler
    public ChangeOutcome handle(CancelSubscriptionCommand command, AccountDirectory accounts, TenantPacks packs,
                       TenantClocks clocks, DecisionService decisions,
                                @MetaDataValue(ChangeOutcome.DRY_RUN) Boolean dryRun) {
        requireOwnedBy(command.tenantId());
        LocalDate today = today(clocks, accounts);
        if (cancelledFrom != null) {
            throw new InvalidSubscriptionException("the subscription is already cancelled from " + cancelledFrom);
        }
        LocalDate reference = today.isBefore(startDate) ? startDate : today;
        RulePack pack = packs.inEffect(tenantId, reference);
        PhaseStart last = lastBilled(reference);
        Timing timing = timing(command.effectiveOn(), command.timing(), reference, pack, decisions,
                PlanChange.ofCancel(subscriptionId.toString(), price(pack, last), last.quantity(), today));
        // at once, counting inclusive days, the day of the cancellation is still a day of service (DayCount)
        LocalDate serviceEnds = timing.timing() == ChangeTiming.IMMEDIATE
                ? pack.dayCount().serviceEndsAfter(timing.effectiveOn()) : timing.effectiveOn();
        return emit(new SubscriptionCancelledEvent(tenantId, subscriptionId, today, timing.effectiveOn(), timing.timing(),
                timing.decidedBy(), timeline.stoppedFrom(serviceEnds).entries(),
                command.reason() == null || command.reason().isBlank() ? null : command.reason().strip(),
                command.withBase()), dryRun);
    }

    @CommandHandler
    public ChangeOutcome handle(PauseSubscriptionCommand command, AccountDirectory accounts, TenantClocks clocks,
                                @MetaDataValue(ChangeOutcome.DRY_RUN) Boolean dryRun) {
        requireOwnedBy(command.tenantId());
        LocalDate today = today(clocks, accounts);
        requireChangeable(today, "pausing it");
        LocalDate effective = command.effectiveOn() == null ? today : command.effectiveOn();
        requireNotPast(effective, today);
        requireInOrder(effective);
        billingEntry(effective);
        return emit(new SubscriptionPausedEvent(tenantId, subscriptionId, today, effective,
                timeline.stoppedFrom(effective).entries()), dryRun);
    }

    @CommandHandler
    public ChangeOutcome handle(ResumeSubscriptionCommand command, AccountDirectory accounts, TenantPacks packs,
                       TenantClocks clocks,
                                @MetaDataValue(ChangeOutcome.DRY_RUN) Boolean dryRun) {
        requireOwnedBy(command.tenantId());
        if (pausedFrom == null) {
            throw new InvalidSubscriptionException("the subscription is not paused");
        }
        LocalDate today = today(clocks, accounts);
        LocalDate effective = command.effectiveOn() == null ? today : command.effectiveOn();
        requireNotPast(effective, today);
        if (effective.isBefore(pausedFrom)) {
            throw new InvalidSubscriptionException("a resume on " + effective + " is before the pause from "
                    + pausedFrom);
        }
        if (cancelledFrom != null && !effective.isBefore(cancelledFrom)) {
            throw new InvalidSubscriptionException("the subscription is cancelled from " + cancelledFrom);
        }
        RulePack pack = packs.inEffect(tenantId, effective);
        Timeline plan = Timeline.of(pausedEntry.plan(), pausedEntry.quantity(),
                Trials.phases(pack.phases(pausedEntry.plan(), currency), trialDays), startDate);
        return emit(new SubscriptionResumedEvent(tenantId, subscriptionId, today, effective,
                timeline.from(effective, Timeline.alignedFrom(plan, effective)).entries()), dryRun);
    }

    @CommandHandler
    public ChangeOutcome handle(ReinstateSubscriptionCommand command, AccountDirectory accounts, TenantClocks clocks,
                                @MetaDataValue(ChangeOutcome.DRY_RUN) Boolean dryRun) {
        requireOwnedBy(command.tenantId());
        LocalDate today = today(clocks, accounts);
        if (command.withBase() != null && !command.withBase().equals(endedWithBase)) {
            return null; // an add-on cancelled on its own (or not at all) stays as it is when its base comes back
        }
        if (cancelledFrom == null) {
            throw new InvalidSubscriptionException("the subscription is not cancelled");
        }
        if (!cancelledFrom.isAfter(today)) {
            throw new InvalidSubscriptionException("the cancellation took effect on " + cancelledFrom
                    + "; only a cancellation still to come can be taken back");
        }
        return emit(new SubscriptionReinstatedEvent(tenantId, subscriptionId, today, cancelledFrom,
                beforeCancel.entries()), dryRun);
    }

    /** Records the change, or on a dry run only says what it would be. */
    private static ChangeOutcome emit(Object event, Boolean dryRun) {
        ChangeOutcome outcome = switch (event) {
            case PlanChangedEvent e -> new ChangeOutcome(e.effectiveOn(), e.timeline());
            case QuantityChangedEvent e -> new ChangeOutcome(e.effectiveOn(), e.timeline());
            case SubscriptionCancelledEvent e -> new ChangeOutcome(e.effectiveOn(), e.timeline());
            case SubscriptionPausedEvent e -> new ChangeOutcome(e.effectiveOn(), e.timeline());
            case SubscriptionResumedEvent e -> new ChangeOutcome(e.effectiveOn(), e.timeline());
            case SubscriptionReinstatedEvent e -> new ChangeOutcome(e.requestedOn(), e.timeline());
            default -> throw new IllegalArgumentException("not a subscription change: " + event);
        };
        if (!Boolean.TRUE.equals(dryRun)) {
            apply(event);
        }
        return outcome;
    }

    /** When a change takes effect: the day asked for, or at once / at the end of the term, by request or policy. */
    private Timing timing(LocalDate effectiveOn, ChangeTiming requested, LocalDate reference, RulePack pack,
                          DecisionService decisions, PlanChange change) {
        if (effectiveOn != null) {
            requireNotPast(effectiveOn, change.requestedOn());
            if (effectiveOn.isBefore(startDate)) {
                throw new InvalidSubscriptionException("a change on " + effectiveOn
                        + " is before the subscription started (" + startDate + ")");
            }
            requireInOrder(effectiveOn);
            return new Timing(effectiveOn, null, null);
        }
        ChangeTiming timing = requested;
        String decidedBy = null;
        if (timing == null) {
            ChangeDecision decision = decisions.decideChange(pack, change);
            timing = decision.timing().orElse(ChangeTiming.IMMEDIATE);
            decidedBy = decision.rule().orElse("no change policy rule matched: at once");
        }
        LocalDate effective = timing == ChangeTiming.IMMEDIATE ? reference : endOfTerm(reference, pack);
        requireInOrder(effective);
        return new Timing(effective, timing, decidedBy);
    }

    private record Timing(LocalDate effectiveOn, ChangeTiming timing, String decidedBy) {
    }

    /**
     * What a plan or quantity change does with the proration of the period it falls in: what the request says, else
     * what the seller's change policy rules say ({@code change.prorate(...)}), else invoiced at once as before.
     */
    private static Proration proration(ProrationBehaviour requested, RulePack pack, DecisionService decisions,
                                       PlanChange change) {
        if (requested != null) {
            return new Proration(requested, null);
        }
        ChangeDecision decision = decisions.decideChange(pack, change);
        return decision.proration().map(p -> new Proration(p, decision.prorationRule().orElse(null)))
                .orElse(new Proration(ProrationBehaviour.ALWAYS_INVOICE,
                        "no change policy rule chose the proration: invoiced at once"));
    }

    /** The behaviour and who chose it (null: the request). */
    private record Proration(ProrationBehaviour behaviour, String decidedBy) {

        /**
         * The timeline with the entry starting on {@code effectiveOn} marked, so the billing run knows (on every
         * later run too) to carry or drop its proration; invoiced at once is the unmarked default.
         */
        List<PhaseStart> mark(Timeline timeline, LocalDate effectiveOn) {
            ProrationBehaviour marked = behaviour == ProrationBehaviour.ALWAYS_INVOICE ? null : behaviour;
            return timeline.entries().stream()
                    .map(e -> e.from().equals(effectiveOn) ? e.withProration(marked) : e).toList();
        }
    }

    /**
     * The end of the term served on {@code day}: the end of its billing period for a recurring phase, the end of
     * the phase for one billed once (a trial).
     */
    LocalDate endOfTerm(LocalDate day, RulePack pack) {
        PhaseStart entry = timeline.on(day).orElseThrow();
        if (!entry.bills()) {
            return day;
        }
        CatalogPlan row = pack.phase(entry.plan(), entry.phase(), currency).orElse(null);
        if (row == null || !row.recurring()) {
            LocalDate next = timeline.nextChangeAfter(day);
            return next == null ? day : next;
        }
        BillingCycle cycle = BillingCycle.of(pack.alignment(), billCycleDay, startDate);
        LocalDate periodFrom = cycle.periodStart(row.cadence(), entry.from());
        while (!periodFrom.isAfter(day)) {
            periodFrom = cycle.next(row.cadence(), periodFrom);
        }
        return periodFrom;
    }

    private void requireChangeable(LocalDate today, String what) {
        if (cancelledFrom != null) {
            throw new InvalidSubscriptionException((cancelledFrom.isAfter(today)
                    ? "the subscription is cancelled from " + cancelledFrom + "; reinstate it before "
                    : "the subscription was cancelled on " + cancelledFrom + "; it cannot be changed by ") + what);
        }
        if (pausedFrom != null) {
            throw new InvalidSubscriptionException("the subscription is paused from " + pausedFrom
                    + "; resume it before " + what);
        }
    }

    /** Changes take effect today or later: billed history is not rewritten by a change made afterwards. */
    private static void requireNotPast(LocalDate effective, LocalDate today) {
        if (effective.isBefore(today)) {
            throw new InvalidSubscriptionException("a change cannot take effect in the past (" + effective
                    + " is before today, " + today + ")");
        }
    }

    private void requireInOrder(LocalDate effective) {
        if (lastChangeOn != null && effective.isBefore(lastChangeOn)) {
            throw new InvalidSubscriptionException("a change on " + effective + " would overlap the change already "
                    + "recorded from " + lastChangeOn + "; changes take effect in the order they are made");
        }
    }

    /** The billed entry in force on {@code day}. */
    private PhaseStart billingEntry(LocalDate day) {
        return timeline.on(day).filter(PhaseStart::bills).orElseThrow(() -> new InvalidSubscriptionException(
                "the subscription bills nothing on " + day));
    }

    /** The billed entry in force on {@code day}, or the last one before it (for a paused subscription). */
    private PhaseStart lastBilled(LocalDate day) {
        return timeline.entries().stream().filter(e -> !e.from().isAfter(day) && e.bills())
                .reduce((a, b) -> b).orElse(timeline.entries().getFirst());
    }

    private CatalogPlan price(RulePack pack, PhaseStart entry) {
        return pack.phase(entry.plan(), entry.phase(), currency).or(() -> pack.plan(entry.plan(), currency))
                .orElseThrow(() -> new InvalidSubscriptionException("plan '" + entry.plan()
                        + "' has no price in rule pack " + pack.name() + " v" + pack.version()));
    }

    /** The named price list in upper case, refused if the pack has no such list; null when none is named. */
    private static String priceList(RulePack pack, String named) {
        String priceList = named == null || named.isBlank() ? null : named.strip().toUpperCase(java.util.Locale.ROOT);
        if (priceList != null && !pack.hasPriceList(priceList)) {
            throw new InvalidSubscriptionException("unknown price list '" + named + "' in rule pack "
                    + pack.name() + " v" + pack.version() + "; its price lists are " + pack.priceLists());
        }
        return priceList;
    }

    private static String article(ProductType type) {
        return (type == ProductType.ADD_ON ? "an " : "a ") + type;
    }

    private static void requirePriced(RulePack pack, String plan, String currency) {
        if (!pack.hasPlan(plan)) {
            throw new InvalidSubscriptionException("unknown plan '" + plan + "' in rule pack "
                    + pack.name() + " v" + pack.version());
        }
        if (pack.plan(plan, currency).isEmpty()) {
            throw new InvalidSubscriptionException("plan '" + plan + "' has no price in "
                    + currency + ", the account's currency");
        }
    }

    private LocalDate today(TenantClocks clocks, AccountDirectory accounts) {
        AccountView account = accounts.find(tenantId, accountId)
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
        return today(clocks, tenantId, account);
    }

    /** Today in the account's time zone, by the tenant's clock (a sandbox tenant's test clock). */
    private static LocalDate today(TenantClocks clocks, TenantId tenant, AccountView account) {
        return account.today(clocks.of(tenant));
    }

    /** Another tenant's subscription must look like no subscription at all. */
    private void requireOwnedBy(TenantId tenant) {
        if (!tenantId.equals(tenant)) {
            throw new NotFoundException("subscription " + subscriptionId + " does not exist");
        }
    }

    @EventSourcingHandler
    void on(SubscriptionCreatedEvent event) {
        subscriptionId = event.subscriptionId();
        tenantId = event.tenantId();
        accountId = event.accountId();
        currency = event.currency();
        startDate = event.startDate();
        billCycleDay = event.billCycleDay();
        productType = event.productType() == null ? ProductType.BASE : event.productType();
        trialDays = event.trialDays();
        timeline = new Timeline(event.phases().stream().map(p -> p.or(event.plan(), event.quantity())).toList());
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        changed(event.effectiveOn(), event.timeline());
    }

    @EventSourcingHandler
    void on(QuantityChangedEvent event) {
        changed(event.effectiveOn(), event.timeline());
    }

    @EventSourcingHandler
    void on(SubscriptionCancelledEvent event) {
        beforeCancel = timeline;
        cancelledFrom = event.effectiveOn();
        endedWithBase = event.endedWithBase();
        changed(event.effectiveOn(), event.timeline());
    }

    @EventSourcingHandler
    void on(SubscriptionReinstatedEvent event) {
        cancelledFrom = null;
        beforeCancel = null;
        endedWithBase = null;
        timeline = new Timeline(event.timeline());
    }

    @EventSourcingHandler
    void on(SubscriptionPausedEvent event) {
        pausedEntry = lastBilled(event.effectiveOn());
        pausedFrom = event.effectiveOn();
        changed(event.effectiveOn(), event.timeline());
    }

    @EventSourcingHandler
    void on(SubscriptionResumedEvent event) {
        pausedFrom = null;
        pausedEntry = null;
        changed(event.effectiveOn(), event.timeline());
    }

    private void changed(LocalDate effectiveOn, List<PhaseStart> entries) {
        timeline = new Timeline(entries);
        lastChangeOn = effectiveOn;
    }
}
