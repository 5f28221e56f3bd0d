package org.ratebook.engine.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.invoicing.api.UsageSpikeFlag;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.rating.UsageDue;
import org.ratebook.engine.billing.generator.InvoiceGenerator;
import org.ratebook.engine.billing.generator.Proposal;
import org.ratebook.engine.billing.generator.ServiceState;
import org.ratebook.engine.billing.generator.Span;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Invoices everything of one tenant that is due on a target date. Each (account, invoice date) becomes one
 * invoice whose lines the tenant's rule pack in effect on that date decides. Running it twice, or on two
 * nodes at once, issues nothing twice: the invoice id is derived from (tenant, account, date), so the
 * second append collides on the event store's unique key.
 */
@Service
public class BillingRun {

    private static final Logger log = LoggerFactory.getLogger(BillingRun.class);

    private final SubscriptionProjection subscriptions;
    private final AccountDirectory accounts;
    private final InvoiceQueries invoices;
    private final TenantPacks packs;
    private final TenantRegistry tenants;
    private final DecisionService decisions;
    private final CommandGateway commands;
    private final MeterRegistry meters;
    private final BilledItems billedItems;
    private final UsageDue usageDue;

    public BillingRun(SubscriptionProjection subscriptions, AccountDirectory accounts, InvoiceQueries invoices,
                      TenantPacks packs, TenantRegistry tenants,
                      DecisionService decisions, CommandGateway commands, ObjectProvider<MeterRegistry> meters,
                      BilledItems billedItems, UsageDue usageDue) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.invoices = invoices;
        this.packs = packs;
        this.tenants = tenants;
        this.decisions = decisions;
        this.commands = commands;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.billedItems = billedItems;
        this.usageDue = usageDue;
    }

    private record Key(AccountId account, LocalDate invoiceDate) {
    }

    public BillingRunResult run(TenantId tenantId, LocalDate targetDate) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return doRun(tenantId, targetDate);
        } finally {
            sample.stop(Timer.builder("ratebook.billing.run").description("Duration of one tenant's billing run")
                    .tag("tenant", tenantId.value()).register(meters));
        }
    }

    private BillingRunResult doRun(TenantId tenantId, LocalDate targetDate) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        List<String> problems = new ArrayList<>();
        Set<Key> billedBefore = new HashSet<>();
        // usage first: reading it takes time, which must not widen the gap between finding the due plan periods
        // and numbering their invoices (concurrent runs rely on that gap being short)
        UsageDue.Result dueUsage = usageDue.due(tenantId, targetDate);
        Map<Key, List<SubscriptionPeriod>> due = duePeriods(tenantId, targetDate, problems, billedBefore);
        Map<Key, List<UsagePeriod>> usage = byInvoice(dueUsage, due, problems);
        billedBefore.removeAll(due.keySet());

        List<UUID> issued = new ArrayList<>();
        int already = billedBefore.size();
        for (Map.Entry<Key, List<SubscriptionPeriod>> entry : due.entrySet()) {
            Key key = entry.getKey();
            // one more invoice for this account and date: after a void, or for spans that became due since
            int generation = invoices.invoiceCount(tenantId, key.account().value(), key.invoiceDate());
            InvoiceId invoiceId = InvoiceId.of(tenantId, key.account(), key.invoiceDate(), generation);
            Optional<IssueInvoiceCommand> command = decide(tenant, invoiceId, key, entry.getValue(),
                    usage.getOrDefault(key, List.of()), problems);
            if (command.isEmpty()) {
                continue;
            }
            try {
                commands.sendAndWait(command.get());
                issued.add(invoiceId.value());
                meters.counter("ratebook.invoices.issued", "tenant", tenantId.value()).increment();
            } catch (RuntimeException e) {
                if (!issuedElsewhere(e)) {
                    throw e;
                }
                already++; // another run or node issued it first: exactly once, by construction
            }
        }
        log.info("Billing run for {} on {}: {} issued, {} already invoiced, {} problems", tenantId, targetDate,
                issued.size(), already, problems.size());
        return new BillingRunResult(tenantId, targetDate, issued, already, problems);
    }

    /**
     * The invoice's first event collided with one already stored under the same deterministic id. Axon
     * reports it as {@link AggregateStreamCreationException} or, from the JDBC engine's batch insert, as an
     * event store exception caused by PostgreSQL's unique violation (SQLState 23505).
     */
    static boolean issuedElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException
                    || (t instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the invoice generator, per subscription, what is due on {@code target}: its phases make billing
     * states, what its invoices already carry makes the billed items, and the tenant's pack gives the
     * day-count convention and rounding. Spans are grouped by account and invoice date.
     */
    private Map<Key, List<SubscriptionPeriod>> duePeriods(TenantId tenant, LocalDate target, List<String> problems,
                                                          Set<Key> billedBefore) {
        Map<Key, List<SubscriptionPeriod>> due = new TreeMap<>((a, b) -> {
            int byAccount = a.account().value().compareTo(b.account().value());
            return byAccount != 0 ? byAccount : a.invoiceDate().compareTo(b.invoiceDate());
        });
        RulePack today = packs.inEffect(tenant, target);
        for (SubscriptionView s : subscriptions.activeOn(tenant, target)) {
            Optional<List<ServiceState>> states = states(tenant, s, problems);
            if (states.isEmpty()) {
                continue;
            }
            InvoiceGenerator generator = new InvoiceGenerator(today.dayCount(), Currency.getInstance(s.currency()),
                    today.rounding());
            Proposal proposal = generator.propose(s.subscriptionId().toString(), s.billCycleDay(), states.get(),
                    billedItems.of(tenant, s), target);
            for (Span span : proposal.charges()) {
                due.computeIfAbsent(new Key(s.accountId(), span.invoiceDate()), k -> new ArrayList<>())
                        .add(new SubscriptionPeriod(s.subscriptionId().toString(), s.plan(), s.quantity(),
                                s.currency(), span.from(), span.to(), span.phase(), span.periodFrom(),
                                span.periodTo(), span.fraction().numerator(), span.fraction().denominator()));
            }
            proposal.alreadyBilled().forEach(span -> billedBefore.add(new Key(s.accountId(), span.invoiceDate())));
            if (!proposal.repairs().isEmpty()) {
                problems.add("subscription " + s.subscriptionId() + ": " + proposal.repairs().size()
                        + " repair(s) of billed time are due, which this version does not issue yet");
            }
        }
        return due;
    }

    /**
     * The usage periods due on {@code target} (see {@link UsageDue}), by account and invoice date; a date with
     * only usage due gets its own entry in {@code due}, so it is invoiced too.
     */
    private static Map<Key, List<UsagePeriod>> byInvoice(UsageDue.Result result, Map<Key, List<SubscriptionPeriod>> due,
                                                        List<String> problems) {
        problems.addAll(result.problems());
        Map<Key, List<UsagePeriod>> usage = new HashMap<>();
        for (UsageDue.Due d : result.due()) {
            Key key = new Key(d.account(), d.invoiceDate());
            due.computeIfAbsent(key, k -> new ArrayList<>());
            usage.computeIfAbsent(key, k -> new ArrayList<>()).addAll(d.usage());
        }
        return usage;
    }

    /** The subscription's phases as billing states, each priced by the pack in effect when it starts. */
    private Optional<List<ServiceState>> states(TenantId tenant, SubscriptionView s, List<String> problems) {
        List<ServiceState> states = new ArrayList<>();
        for (PhaseStart phase : s.phases()) {
            if (phase.phase() == null) {
                states.add(ServiceState.stopped(phase.from()));
                continue;
            }
            RulePack pack = packs.inEffect(tenant, phase.from());
            Optional<CatalogPlan> row = pack.phase(s.plan(), phase.phase(), s.currency());
            if (row.isEmpty()) {
                problems.add("subscription " + s.subscriptionId() + ": phase '" + phase.phase() + "' of plan '"
                        + s.plan() + "' has no " + s.currency() + " price in rule pack " + pack.name() + " v"
                        + pack.version());
                return Optional.empty();
            }
            states.add(ServiceState.billing(phase.from(), s.plan(), phase.phase(), s.quantity(),
                    row.get().recurring(), row.get().period(), row.get().mode()));
        }
        return Optional.of(states);
    }

    private Optional<IssueInvoiceCommand> decide(Tenant tenant, InvoiceId invoiceId, Key key,
                                                 List<SubscriptionPeriod> periods, List<UsagePeriod> usage,
                                                 List<String> problems) {
        AccountView account = accounts.find(tenant.id(), key.account())
                .orElseThrow(() -> new IllegalStateException("subscription of unknown account " + key.account()));
        RulePack pack = packs.inEffect(tenant.id(), key.invoiceDate());
        InvoiceDecision decision = decisions.decide(pack, new InvoiceQuestion(
                new BillingAccount(account.accountId().toString(), account.currency(), account.country()),
                key.invoiceDate(), periods, usage));
        if (decision.lines().isEmpty()) {
            problems.add("account " + key.account() + " on " + key.invoiceDate() + ": rule pack " + pack.name()
                    + " v" + pack.version() + " decided no charge for " + (periods.size() + usage.size())
                    + " due period(s)");
            return Optional.empty();
        }
        Map<String, SubscriptionPeriod> billedSpans = new HashMap<>();
        periods.forEach(p -> billedSpans.put(p.subscriptionId() + "|" + p.from(), p));
        List<InvoiceLine> lines = decision.lines().stream()
                .map(d -> d.meter() != null ? usageLine(d) : line(d, billedSpans.get(d.subscriptionId() + "|" + d.from())))
                .toList();
        List<RuleFiring> trace = decision.trace().fired().stream()
                .map(f -> new RuleFiring(f.order(), f.category().name(), f.rule(), f.matched())).toList();
        LocalDate dueDate = key.invoiceDate().plusDays(tenants.billingSettings(tenant.id()).paymentTermsDays());
        return Optional.of(new IssueInvoiceCommand(tenant.id(), invoiceId, key.account(), key.invoiceDate(), dueDate,
                decision.currency(), lines,
                new PackRef(decision.trace().packName(), decision.trace().packVersion(), decision.trace().packHash()),
                trace, new Party(tenant.name(), tenant.addressLines(), tenant.taxId()),
                new Party(account.name(), account.addressLines(), account.taxId()),
                decision.spikes().stream().map(x -> new UsageSpikeFlag(x.subscriptionId(), x.meter(), x.from(), x.to(),
                        x.quantity(), x.trailingAverage(), x.reason(), x.rule())).toList()));
    }

    /** A decided usage, true-up or adjustment line: its usage period, meter, unit, tiers and event count. */
    private static InvoiceLine usageLine(DecidedLine d) {
        return new InvoiceLine(d.lineNo(), new SubscriptionId(UUID.fromString(d.subscriptionId())), d.itemType(),
                d.description(), d.from(), d.to(), d.quantity(), d.unitPrice(), d.amount(), d.taxRate(),
                d.taxAmount(), d.taxLabel(), d.rules(), null, null, d.from(), d.to(), d.meter(), d.unit(),
                d.tiers().stream().map(t -> new UsageTierLine(t.label(), t.from(), t.to(), t.units(), t.unitPrice(),
                        t.flatFee(), t.amount())).toList(), d.transactions());
    }

    /** A decided line, with the plan phase and billing period of the span it bills. */
    private static InvoiceLine line(DecidedLine d, SubscriptionPeriod span) {
        return new InvoiceLine(d.lineNo(), new SubscriptionId(UUID.fromString(d.subscriptionId())), d.itemType(),
                d.description(), d.from(), d.to(), d.quantity(), d.unitPrice(), d.amount(), d.taxRate(),
                d.taxAmount(), d.taxLabel(), d.rules(), span == null ? null : span.plan(),
                span == null ? null : span.phase(), span == null ? null : span.periodFrom(),
                span == null ? null : span.periodTo());
    }
}
