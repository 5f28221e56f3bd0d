package org.ratebook.engine.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountParents;
import org.ratebook.engine.account.projection.AccountProjection;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.dunning.AccountStandings;
import org.ratebook.engine.invoicing.InvoiceDrafts;
import org.ratebook.engine.invoicing.api.DraftInvoiceCommand;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.pricing.RunPacks;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.invoicing.api.UsageSpikeFlag;
import org.ratebook.engine.rating.UsageDue;
import org.ratebook.engine.billing.generator.InvoiceGenerator;
import org.ratebook.engine.billing.generator.Proposal;
import org.ratebook.engine.billing.generator.ServiceState;
import org.ratebook.engine.billing.generator.Span;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.transaction.UnexpectedRollbackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import org.ratebook.engine.billing.assembly.InvoiceAssembler;
import org.ratebook.engine.charge.projection.OneOffChargeProjection;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.engine.billing.generator.Repair;
import org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    private final InvoiceProjectionBarrier barrier;
    private final OneOffChargeProjection oneOffCharges;
    private final AccountParents parents;
    private final AccountStandings standings;
    private final TaxAndDiscountFacts taxAndDiscount;
    private final UsageDue usageDue;
    private final InvoiceDrafts drafts;
    private final TenantScope tenantScope;
    private final AccountProjection accountProjection;

    public BillingRun(SubscriptionProjection subscriptions, AccountDirectory accounts, InvoiceQueries invoices,
                      TenantPacks packs, TenantRegistry tenants,
                      DecisionService decisions, CommandGateway commands, ObjectProvider<MeterRegistry> meters,
                      BilledItems billedItems, InvoiceProjectionBarrier barrier,
                      OneOffChargeProjection oneOffCharges, AccountStandings standings, AccountParents parents,
                      TaxAndDiscountFacts taxAndDiscount, UsageDue usageDue, InvoiceDrafts drafts,
                      TenantScope tenantScope, AccountProjection accountProjection) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.invoices = invoices;
        this.packs = packs;
        this.tenants = tenants;
        this.decisions = decisions;
        this.commands = commands;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.billedItems = billedItems;
        this.barrier = barrier;
        this.oneOffCharges = oneOffCharges;
        this.parents = parents;
        this.standings = standings;
        this.taxAndDiscount = taxAndDiscount;
        this.usageDue = usageDue;
        this.drafts = drafts;
        this.tenantScope = tenantScope;
        this.accountProjection = accountProjection;
    }

    private record Key(AccountId account, LocalDate invoiceDate) {
    }

    /** What one invoice is to carry: spans and one-off charges for the rules to price, and repairs of earlier charges. */
    private record Due(List<SubscriptionPeriod> periods, List<Repair> repairs, List<OneOffCharge> oneOffs,
                       List<UsagePeriod> usage, Map<String, AccountId> billedFor) {
        Due() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        }
    }

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    /** Subscriptions whose due items are read in one transaction. */
    private static final int DUE_CHUNK = 500;

    /**
     * What does not change within one run, read once per run instead of once per subscription or invoice: the pack
     * in effect on a date, the accounts, the tenant's billing settings. A run sees one snapshot of them (a pack
     * published during the run applies from the next run).
     */
    private final class Lookups {
        private final TenantId tenant;
        private final RunPacks inEffect = new RunPacks(packs);
        private final Map<AccountId, Optional<AccountView>> accountViews = new HashMap<>();
        private org.ratebook.tenants.BillingSettings settings;

        Lookups(TenantId tenant) {
            this.tenant = tenant;
        }

        RulePack inEffect(LocalDate date) {
            return inEffect.inEffect(tenant, date);
        }

        Optional<AccountView> account(AccountId account) {
            return accountViews.computeIfAbsent(account, a -> accounts.find(tenant, a));
        }

        org.ratebook.tenants.BillingSettings settings() {
            if (settings == null) {
                settings = tenants.billingSettings(tenant);
            }
            return settings;
        }
    }

    public BillingRunResult run(TenantId tenantId, LocalDate targetDate) {
        return run(tenantId, targetDate, null);
    }

    /**
     * Bills one account at once, as after a change to one of its subscriptions: an immediate change's repair
     * and new charge, or a pause's last span in arrear, do not wait for the next daily run.
     */
    public BillingRunResult runAccount(TenantId tenantId, AccountId account, LocalDate targetDate) {
        return run(tenantId, targetDate, Set.of(account));
    }

    /**
     * Bills one account at the instant {@code now}, by its own calendar (as {@link #runAt} bills every account):
     * the unit of work of a billing run shared by nodes ({@link BillingRunJobs}).
     */
    public BillingRunResult runAccountAt(TenantId tenantId, AccountId account, Instant now) {
        return run(tenantId, LocalDate.ofInstant(now, ZoneOffset.UTC), Set.of(account), now);
    }

    /**
     * Bills a set of accounts at once, for {@code targetDate} or, when {@code now} is not null, each by its own
     * calendar at that instant: a chunk of a billing run shared by nodes ({@link BillingRunJobs}). What is read for
     * the whole tenant (the read model barrier, invoice counts, usage due, the active subscriptions) is read once
     * per chunk instead of once per account.
     */
    public BillingRunResult runAccounts(TenantId tenantId, Set<AccountId> accounts, LocalDate targetDate,
                                        Instant now) {
        return runChunk(chunks(tenantId, targetDate, now), accounts, false);
    }

    /**
     * What one node reuses across the chunks of a shared run it works, one after another (decision 027): the tenant,
     * the packs in effect, the accounts and settings as read once ({@link Lookups}), which account pays for which,
     * and the invoice read model caught up once. A run on one node sees one snapshot of these too; a pack published
     * or a parent changed while the node works the run applies from its next round. Not thread-safe: one per worker
     * round.
     */
    public final class Chunks {
        private final Tenant tenant;
        private final LocalDate targetDate;
        private final Instant now;
        private final Lookups lookups;
        private final Map<AccountId, AccountId> payers;

        private Chunks(Tenant tenant, LocalDate targetDate, Instant now) {
            this.tenant = tenant;
            this.targetDate = targetDate;
            this.now = now;
            this.lookups = new Lookups(tenant.id());
            this.payers = parents.payers(tenant.id());
        }
    }

    /**
     * Starts a node's round of chunks of a shared run for {@code targetDate} (or the instant {@code now}, each account
     * by its own calendar): finalizes the drafts whose review ended, and waits once for the invoice read model to
     * show every invoice stored so far. The chunks' accounts are claimed whole and by one node at a time, so what
     * the chunks after this one issue are other accounts' invoices, which a chunk need not wait for; only a chunk
     * that took over a dead node's claims waits again (see {@link #runChunk}).
     */
    public Chunks chunks(TenantId tenantId, LocalDate targetDate, Instant now) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        barrier.awaitCaughtUp(READ_MODEL_WAIT);
        if (drafts.finalizeReviewed(tenantId, now) > 0) {
            barrier.awaitCaughtUp(READ_MODEL_WAIT);
        }
        return new Chunks(tenant, now == null ? targetDate : LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }

    /**
     * Bills a chunk of accounts of a shared run, reading only what these accounts (and the branches they pay for)
     * have due: their subscriptions, usage and invoice counts, in set-based queries. {@code takenOver}: some of the
     * chunk's items were claimed from a node whose lease ran out, which may have issued invoices for these accounts
     * that the read model does not show yet; the chunk then waits for the read model as it is now.
     */
    public BillingRunResult runChunk(Chunks chunks, Set<AccountId> accounts, boolean takenOver) {
        Timer.Sample sample = Timer.start(meters);
        try {
            if (takenOver) {
                barrier.awaitCaughtUp(READ_MODEL_WAIT);
            }
            return doRun(chunks.tenant.id(), chunks.targetDate, Set.copyOf(accounts), chunks.now, Map.of(), null,
                    chunks);
        } finally {
            sample.stop(Timer.builder("ratebook.billing.run").description("Duration of one tenant's billing run")
                    .tag("tenant", chunks.tenant.id().value()).register(meters));
        }
    }

    /** An account and invoice date that a run for a target has to invoice. */
    public record DueKey(AccountId account, LocalDate invoiceDate) {
    }

    /**
     * What a run for {@code targetDate} (or, when {@code now} is not null, for the instant {@code now}, each account
     * by its own calendar) has to invoice, without deciding or issuing anything: the keys a shared run plans. An
     * account whose due items cannot be worked out is planned for the target date, so its failure is reported by
     * whichever node works it.
     */
    public List<DueKey> due(TenantId tenantId, LocalDate targetDate, Instant now) {
        barrier.awaitCaughtUp(READ_MODEL_WAIT);
        List<String> problems = new ArrayList<>();
        Map<AccountId, BillingRunResult.AccountFailure> failed = new java.util.LinkedHashMap<>();
        Lookups lookups = new Lookups(tenantId);
        UsageDue.Result dueUsage = usageDue.due(tenantId, now == null ? targetDate : targetDate.plusDays(1));
        Map<AccountId, AccountId> payers = parents.payers(tenantId);
        Map<Key, Due> due = dueItems(tenantId, targetDate, null, now, Map.of(), problems, new HashSet<>(), failed,
                false, lookups, payers, null);
        addUsage(dueUsage, null, due, problems, payers);
        // accounts whose automatic invoicing is off are not planned (their invoices are held, decision 028)
        holdOrRelease(tenantId, due, now == null ? targetDate : targetDate.plusDays(1), problems);
        List<DueKey> keys = new ArrayList<>();
        due.keySet().forEach(k -> keys.add(new DueKey(k.account(), k.invoiceDate())));
        failed.keySet().forEach(a -> keys.add(new DueKey(a, targetDate)));
        return keys;
    }

    /**
     * Bills what is due at the instant {@code now}, each account by its own calendar: an account in US/Pacific
     * is still on the previous day when it is already past midnight in UTC, and is billed for that day.
     */
    public BillingRunResult runAt(TenantId tenantId, Instant now) {
        return run(tenantId, LocalDate.ofInstant(now, ZoneOffset.UTC), null, now);
    }

    private BillingRunResult run(TenantId tenantId, LocalDate targetDate, Set<AccountId> onlyAccounts) {
        return run(tenantId, targetDate, onlyAccounts, null);
    }

    /**
     * What a billing run of one account for {@code targetDate} would issue, without issuing it: no event, no
     * number, no credit used. {@code timelines} replaces subscriptions' timelines, to show what a planned change
     * would invoice.
     */
    public List<IssueInvoiceCommand> preview(TenantId tenantId, AccountId account, LocalDate targetDate,
                                             Map<SubscriptionId, List<PhaseStart>> timelines) {
        barrier.awaitCaughtUp(READ_MODEL_WAIT);
        List<IssueInvoiceCommand> planned = new ArrayList<>();
        doRun(tenantId, targetDate, Set.of(account), null, timelines, planned::add, null);
        return planned;
    }

    private BillingRunResult run(TenantId tenantId, LocalDate targetDate, Set<AccountId> onlyAccounts, Instant now) {
        Timer.Sample sample = Timer.start(meters);
        try {
            barrier.awaitCaughtUp(READ_MODEL_WAIT);
            // drafts whose review window has ended are finalized first, by the tenant's clock (a test clock too)
            if (drafts.finalizeReviewed(tenantId, now) > 0) {
                barrier.awaitCaughtUp(READ_MODEL_WAIT); // whoever reads after the run sees them finalized
            }
            return doRun(tenantId, targetDate, onlyAccounts, now, Map.of(), null, null);
        } finally {
            sample.stop(Timer.builder("ratebook.billing.run").description("Duration of one tenant's billing run")
                    .tag("tenant", tenantId.value()).register(meters));
        }
    }

    private BillingRunResult doRun(TenantId tenantId, LocalDate targetDate, Set<AccountId> onlyAccounts, Instant now,
                                   Map<SubscriptionId, List<PhaseStart>> timelines,
                                   java.util.function.Consumer<IssueInvoiceCommand> dryRun, Chunks chunks) {
        Tenant tenant = chunks != null ? chunks.tenant
                : tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        List<String> problems = new ArrayList<>();
        Lookups lookups = chunks != null ? chunks.lookups : new Lookups(tenantId);
        Map<AccountId, AccountId> payers = chunks != null ? chunks.payers : parents.payers(tenantId);
        // some accounts (a chunk of a shared run, one account): only theirs and their branches' items are read
        Set<AccountId> onlyPayers = payersOf(onlyAccounts, payers);
        Set<AccountId> members = membersOf(onlyPayers, payers);
        Set<Key> billedBefore = new HashSet<>();
        // invoice counts are read before what was billed: a run that sees another run's invoice in the billed
        // items also counts it, and one that does not picks the same invoice id and collides; read the other way
        // round, a run could bill a span again under the next generation's id
        Map<Map.Entry<UUID, LocalDate>, Integer> generations = onlyPayers == null ? invoices.invoiceCounts(tenantId)
                : invoices.invoiceCounts(tenantId, onlyPayers.stream().map(AccountId::value).toList());
        // at an instant, accounts ahead of UTC are on the next day already; usage periods end at each account's own
        // midnight, which UsageDue checks against the clock
        UsageDue.Result dueUsage = usageDue.due(tenantId, now == null ? targetDate : targetDate.plusDays(1), members);
        // an account whose due items cannot be worked out is not billed at all this run (not half of it)
        Map<AccountId, BillingRunResult.AccountFailure> failed = new java.util.LinkedHashMap<>();
        Map<Key, Due> due = dueItems(tenantId, targetDate, onlyAccounts, now, timelines, problems, billedBefore,
                failed, dryRun != null, lookups, payers, members);
        addUsage(dueUsage, onlyAccounts, due, problems, payers);
        holdOrRelease(tenantId, due, now == null ? targetDate : targetDate.plusDays(1), problems);
        billedBefore.removeAll(due.keySet());

        List<BillingRunResult.Issued> issued = new ArrayList<>();
        int already = billedBefore.size();
        Map<AccountId, BigDecimal> credits = new HashMap<>();
        TaxAndDiscountFacts.Run run = taxAndDiscount.newRun();
        // a seller who reviews drafts gets drafts: billed (the next run does not bill them again), not yet numbered
        Optional<Instant> reviewUntil = dryRun != null ? Optional.empty() : drafts.reviewUntil(tenantId, now);
        // the time of one invoice (decided and issued), with its median and 99th percentile over the last hour
        Timer perInvoice = Timer.builder("ratebook.billing.invoice")
                .description("Deciding and issuing one invoice of a billing run").tag("tenant", tenantId.value())
                .publishPercentiles(0.5, 0.99).percentilePrecision(2).distributionStatisticExpiry(Duration.ofHours(1))
                .distributionStatisticBufferLength(1).register(meters);
        for (Map.Entry<Key, Due> entry : due.entrySet()) {
            Key key = entry.getKey();
            if (failed.containsKey(key.account())) {
                continue; // its later dates wait too: its invoices follow each other, as its credit is used
            }
            long started = System.nanoTime();
            try {
                already += billOne(tenant, key, entry.getValue(), generations, credits, problems, run, reviewUntil,
                        dryRun, issued, lookups);
                if (dryRun == null) {
                    perInvoice.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            } catch (RuntimeException e) {
                if (dryRun != null) {
                    throw e; // a preview shows the failure itself
                }
                failed.put(key.account(), failure(key.account(), key.invoiceDate(), e));
            }
        }
        failed.values().forEach(f -> problems.add("account " + f.account() + (f.invoiceDate() == null ? ""
                : " on " + f.invoiceDate()) + " was not billed: " + f.reason()));
        log.info("Billing run for {} on {}: {} issued, {} already invoiced, {} problems, {} accounts failed", tenantId,
                targetDate, issued.size(), already, problems.size(), failed.size());
        return new BillingRunResult(tenantId, targetDate, issued.stream().map(BillingRunResult.Issued::invoiceId)
                .toList(), already, problems, List.copyOf(failed.values()), issued);
    }

    private static BillingRunResult.AccountFailure failure(AccountId account, LocalDate invoiceDate,
                                                           RuntimeException e) {
        log.warn("Billing of account {} for {} failed", account, invoiceDate, e);
        String reason = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                reason = t.getMessage(); // the innermost says what went wrong (a rule's own words)
            }
        }
        return new BillingRunResult.AccountFailure(account, invoiceDate,
                reason == null ? e.getClass().getSimpleName() : reason);
    }

    /**
     * Decides and issues (or drafts, or previews) the invoice of one account and date; 1 when another run issued
     * it first, else 0. Throws when it cannot: the caller makes that the account's failure.
     */
    private int billOne(Tenant tenant, Key key, Due due, Map<Map.Entry<UUID, LocalDate>, Integer> generations,
                        Map<AccountId, BigDecimal> credits, List<String> problems, TaxAndDiscountFacts.Run run,
                        Optional<Instant> reviewUntil, java.util.function.Consumer<IssueInvoiceCommand> dryRun,
                        List<BillingRunResult.Issued> issued, Lookups lookups) {
        TenantId tenantId = tenant.id();
        {
            // one more invoice for this account and date: after a void, or for spans that became due since
            int generation = generations.getOrDefault(Map.entry(key.account().value(), key.invoiceDate()), 0);
            InvoiceId invoiceId = InvoiceId.of(tenantId, key.account(), key.invoiceDate(), generation);
            // what the decision reads (standing, account, coupons, balance) in one transaction, bound once
            Optional<IssueInvoiceCommand> command = tenantScope.call(tenantId, () -> {
                Optional<String> paused = standings.billingPause(tenantId, key.account()); // the pack's dunning policy
                if (paused.isPresent()) {
                    problems.add(paused.get() + "; " + key.invoiceDate() + " is invoiced when it ends");
                    return Optional.<IssueInvoiceCommand>empty();
                }
                return decide(tenant, invoiceId, key, due, credits, problems, run, lookups);
            });
            if (command.isEmpty()) {
                return 0;
            }
            // a coupon used by this invoice counts for the next invoices of the run (and of a preview)
            run.issued(invoiceId, key.account(), command.get().lines());
            if (dryRun != null) {
                dryRun.accept(command.get());
                credits.computeIfPresent(key.account(), (a, c) -> c.subtract(creditMoved(command.get())));
                return 0;
            }
            try {
                if (reviewUntil.isPresent()) {
                    commands.sendAndWait(new DraftInvoiceCommand(invoiceId, command.get(), reviewUntil.get()));
                } else {
                    commands.sendAndWait(command.get());
                }
                issued.add(new BillingRunResult.Issued(invoiceId.value(), key.account(), key.invoiceDate(),
                        command.get().currency(), command.get().lines().stream()
                        .map(l -> l.amount().add(l.taxAmount())).reduce(BigDecimal.ZERO, BigDecimal::add)));
                credits.computeIfPresent(key.account(), (a, c) -> c.subtract(creditMoved(command.get())));
                meters.counter("ratebook.invoices.issued", "tenant", tenantId.value()).increment();
            } catch (RuntimeException e) {
                if (!issuedElsewhere(e)) {
                    throw e;
                }
                credits.remove(key.account()); // read it again: the other run may have used some
                return 1; // another run or node issued it first: exactly once, by construction
            }
            return 0;
        }
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
     * Asks the invoice generator, per subscription, what is due on {@code target}: its timeline makes billing
     * states, what its invoices already carry makes the billed items, and the tenant's pack gives the day-count
     * convention and rounding. Spans and repairs of billed time are grouped by account and invoice date (a
     * repair is due the day the change takes effect, which is never before the day it was made).
     */
    private Map<Key, Due> dueItems(TenantId tenant, LocalDate runDate, Set<AccountId> onlyAccounts, Instant now,
                                   Map<SubscriptionId, List<PhaseStart>> timelines, List<String> problems,
                                   Set<Key> billedBefore, Map<AccountId, BillingRunResult.AccountFailure> failed,
                                   boolean preview, Lookups lookups, Map<AccountId, AccountId> payers,
                                   Set<AccountId> members) {
        // by date, then account: numbers follow invoice dates across accounts, and each account's invoices come
        // in date order, as its credit is used
        Map<Key, Due> due = new TreeMap<>((a, b) -> {
            int byDate = a.invoiceDate().compareTo(b.invoiceDate());
            return byDate != 0 ? byDate : a.account().value().compareTo(b.account().value());
        });
        Map<AccountId, LocalDate> targets = new HashMap<>();
        // an account whose invoices go to its parent is billed on the parent's consolidated invoice
        Set<AccountId> onlyPayers = payersOf(onlyAccounts, payers);
        // the latest calendar day anywhere on earth, so accounts ahead of UTC see their subscriptions too
        LocalDate latest = now == null ? runDate : runDate.plusDays(1);
        List<SubscriptionView> active = members == null ? subscriptions.activeOn(tenant, latest)
                : subscriptions.activeOn(tenant, latest, members);
        int[] next = {0};
        while (next[0] < active.size()) {
            // the reads of a chunk of subscriptions share one transaction, bound to the tenant once, instead of one
            // each (issue 14); they only read, so a chunk that a failure marked for rollback loses nothing
            try {
                tenantScope.run(tenant, () -> {
                    for (int n = 0; n < DUE_CHUNK && next[0] < active.size(); n++) {
                        SubscriptionView stored = active.get(next[0]++);
                        AccountId payer = payers.getOrDefault(stored.accountId(), stored.accountId());
                        if (onlyPayers != null && !onlyPayers.contains(payer)) {
                            continue;
                        }
                        SubscriptionView s = !timelines.containsKey(stored.subscriptionId()) ? stored
                                : stored.withPhases(timelines.get(stored.subscriptionId()));
                        try {
                            dueOf(tenant, s, payer, runDate, now, targets, problems, billedBefore, due, lookups);
                        } catch (RuntimeException e) {
                            if (preview) {
                                throw e;
                            }
                            failed.putIfAbsent(payer, failure(payer, null, e));
                            return; // a failed statement ends the transaction: the next subscription starts another
                        }
                    }
                });
            } catch (UnexpectedRollbackException e) {
                // a subscription's failure (recorded above) marked the chunk's transaction rollback-only
            }
        }
        for (OneOffChargeProjection.Pending pending : oneOffCharges.pending(tenant, latest)) {
            AccountId payer = payers.getOrDefault(pending.accountId(), pending.accountId());
            if (onlyPayers != null && !onlyPayers.contains(payer)) {
                continue;
            }
            LocalDate target = now == null ? runDate : targets.computeIfAbsent(payer, a -> lookups
                    .account(a).map(v -> LocalDate.ofInstant(now, ZoneId.of(v.timeZone()))).orElse(runDate));
            if (!pending.charge().on().isAfter(target)) {
                Due forDay = due.computeIfAbsent(new Key(payer, pending.charge().on()), k -> new Due());
                forDay.billedFor().put(pending.charge().chargeId(), pending.accountId());
                forDay.oneOffs().add(pending.charge());
            }
        }
        return due;
    }

    /** The accounts that pay for {@code accounts} (a parent for its branches); null (every account) for null. */
    private static Set<AccountId> payersOf(Set<AccountId> accounts, Map<AccountId, AccountId> payers) {
        if (accounts == null) {
            return null;
        }
        Set<AccountId> result = new HashSet<>();
        accounts.forEach(a -> result.add(payers.getOrDefault(a, a)));
        return result;
    }

    /**
     * The accounts whose items go on the invoices of {@code payers}: the payers themselves and the branches whose
     * invoices go to them; null (every account) for null.
     */
    private static Set<AccountId> membersOf(Set<AccountId> onlyPayers, Map<AccountId, AccountId> payers) {
        if (onlyPayers == null) {
            return null;
        }
        Set<AccountId> result = new HashSet<>(onlyPayers);
        payers.forEach((branch, payer) -> {
            if (onlyPayers.contains(payer)) {
                result.add(branch);
            }
        });
        return result;
    }

    /** What one subscription has due: its spans and repairs, added to {@code due} under its payer and dates. */
    private void dueOf(TenantId tenant, SubscriptionView s, AccountId payer, LocalDate runDate, Instant now,
                       Map<AccountId, LocalDate> targets, List<String> problems, Set<Key> billedBefore,
                       Map<Key, Due> due, Lookups lookups) {
        {
            LocalDate target = now == null ? runDate : targets.computeIfAbsent(payer, a -> lookups
                    .account(a).map(v -> LocalDate.ofInstant(now, ZoneId.of(v.timeZone()))).orElse(runDate));
            if (s.startDate().isAfter(target)) {
                return;
            }
            RulePack today = lookups.inEffect(target);
            Optional<List<ServiceState>> states = states(s, problems, lookups);
            if (states.isEmpty()) {
                return;
            }
            InvoiceGenerator generator = new InvoiceGenerator(today.dayCount(), Currency.getInstance(s.currency()),
                    today.rounding());
            BillingCycle cycle = BillingCycle.of(today.alignment(), s.billCycleDay(), s.startDate());
            Proposal proposal = generator.propose(s.subscriptionId().toString(), cycle, states.get(),
                    billedItems.of(tenant, s), target);
            for (Span span : proposal.charges()) {
                Due forDay = due.computeIfAbsent(new Key(payer, span.invoiceDate()), k -> new Due());
                forDay.billedFor().put(s.subscriptionId().toString(), s.accountId());
                forDay.periods()
                        .add(new SubscriptionPeriod(s.subscriptionId().toString(), span.plan(), span.quantity(),
                                s.currency(), span.from(), span.to(), span.phase(), span.periodFrom(),
                                span.periodTo(), span.fraction().numerator(), span.fraction().denominator(),
                                priceListOn(s, span.from()), s.signedOn(), signedPrices(tenant, s, span.plan())));
            }
            for (Repair repair : proposal.repairs()) {
                Due forDay = due.computeIfAbsent(new Key(payer, repair.invoiceDate()), k -> new Due());
                forDay.billedFor().put(s.subscriptionId().toString(), s.accountId());
                forDay.repairs().add(repair);
            }
            proposal.alreadyBilled().forEach(span -> billedBefore.add(new Key(payer, span.invoiceDate())));
        }
    }

    /**
     * Automatic invoicing switched off per account (Kill Bill's AUTO_INVOICING_OFF): while it is off, the account's
     * invoices are held (left out of this run, nothing recorded, so a later run finds them still due); once it is
     * back on, everything held (due before the day it came back) goes on the invoice of that day, with what is due
     * then. Nothing is billed twice: held items were never billed, and the generator compares with what was.
     */
    private void holdOrRelease(TenantId tenant, Map<Key, Due> due, LocalDate latest, List<String> problems) {
        Map<AccountId, AccountProjection.AutomaticInvoicing> switched = accountProjection.automaticInvoicing(tenant);
        if (switched.isEmpty()) {
            return;
        }
        Map<Key, Due> released = new HashMap<>();
        for (java.util.Iterator<Map.Entry<Key, Due>> it = due.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Due> entry = it.next();
            Key key = entry.getKey();
            AccountProjection.AutomaticInvoicing invoicing = switched.get(key.account());
            if (invoicing == null) {
                continue;
            }
            if (invoicing.off() || invoicing.onSince().isAfter(latest)) {
                it.remove();
                problems.add("automatic invoicing of account " + key.account() + " is off"
                        + (invoicing.offSince() == null ? "" : " since " + invoicing.offSince()) + "; its invoice of "
                        + key.invoiceDate() + " is held until it is switched back on");
            } else if (key.invoiceDate().isBefore(invoicing.onSince())) {
                it.remove();
                released.merge(new Key(key.account(), invoicing.onSince()), entry.getValue(), BillingRun::together);
            }
        }
        released.forEach((key, held) -> due.merge(key, held, BillingRun::together));
    }

    /** What two invoices of one account were to carry, on one. */
    private static Due together(Due a, Due b) {
        Due both = new Due();
        for (Due d : List.of(a, b)) {
            both.periods().addAll(d.periods());
            both.repairs().addAll(d.repairs());
            both.oneOffs().addAll(d.oneOffs());
            both.usage().addAll(d.usage());
            both.billedFor().putAll(d.billedFor());
        }
        return both;
    }

    /**
     * The usage periods due on {@code target} (see {@link UsageDue}), by account and invoice date; a date with
     * only usage due gets its own entry in {@code due}, so it is invoiced too.
     */
    /** Usage due goes on the invoice of its day, of the account that pays (a parent receiving its branches'). */
    private void addUsage(UsageDue.Result result, Set<AccountId> onlyAccounts, Map<Key, Due> due,
                          List<String> problems, Map<AccountId, AccountId> payers) {
        problems.addAll(result.problems());
        if (result.due().isEmpty()) {
            return;
        }
        Set<AccountId> onlyPayers = payersOf(onlyAccounts, payers);
        for (UsageDue.Due d : result.due()) {
            AccountId payer = payers.getOrDefault(d.account(), d.account());
            if (onlyPayers != null && !onlyPayers.contains(payer)) {
                continue;
            }
            Due forDay = due.computeIfAbsent(new Key(payer, d.invoiceDate()), k -> new Due());
            forDay.usage().addAll(d.usage());
            d.usage().forEach(u -> forDay.billedFor().put(u.subscriptionId(), d.account()));
        }
    }

    /**
     * The plan's price rows (every list) in the rule pack version the subscription signed up under, so a pricing
     * rule may keep that price after a rise; none when the version is not recorded.
     */
    private List<CatalogPlan> signedPrices(TenantId tenant, SubscriptionView s, String plan) {
        if (s.signedPackVersion() == null || s.signedOn() == null) {
            return List.of();
        }
        return packs.version(tenant, s.signedPackVersion()).map(p -> p.plans().stream()
                .filter(r -> r.code().equals(plan) && r.currency().equals(s.currency())).toList()).orElse(List.of());
    }

    /** The subscription's phases as billing states, each priced by the pack in effect when it starts. */
    private Optional<List<ServiceState>> states(SubscriptionView s, List<String> problems, Lookups lookups) {
        List<ServiceState> states = new ArrayList<>();
        for (PhaseStart phase : s.phases()) {
            if (!phase.bills()) {
                states.add(ServiceState.stopped(phase.from()));
                continue;
            }
            RulePack pack = lookups.inEffect(phase.from());
            Optional<CatalogPlan> row = pack.phase(phase.plan(), phase.phase(), s.currency());
            if (row.isEmpty()) {
                problems.add("subscription " + s.subscriptionId() + ": phase '" + phase.phase() + "' of plan '"
                        + phase.plan() + "' has no " + s.currency() + " price in rule pack " + pack.name() + " v"
                        + pack.version());
                return Optional.empty();
            }
            states.add(ServiceState.billing(phase.from(), phase.plan(), phase.phase(), phase.quantity(),
                    row.get().recurring(), row.get().cadence(), row.get().mode()).withProration(phase.proration()));
        }
        return Optional.of(states);
    }

    private Optional<IssueInvoiceCommand> decide(Tenant tenant, InvoiceId invoiceId, Key key, Due due,
                                                 Map<AccountId, BigDecimal> credits, List<String> problems,
                                                 TaxAndDiscountFacts.Run run, Lookups lookups) {
        AccountView account = lookups.account(key.account())
                .orElseThrow(() -> new IllegalStateException("subscription of unknown account " + key.account()));
        RulePack pack = lookups.inEffect(key.invoiceDate());
        Currency currency = Currency.getInstance(account.currency());
        List<DecidedLine> decided = List.of();
        List<RuleFiring> trace = List.of();
        PackRef packRef = null; // the decision's trace names it: no SHA-256 of the pack per invoice
        List<UsageSpikeFlag> spikes = List.of();
        if (!due.periods().isEmpty() || !due.oneOffs().isEmpty() || !due.usage().isEmpty()) {
            InvoiceDecision decision = decisions.decide(pack, new InvoiceQuestion(
                    TaxAndDiscountFacts.customer(account), key.invoiceDate(), due.periods(),
                    TaxAndDiscountFacts.seller(tenant), run.coupons(tenant.id(), key.account(), key.invoiceDate()),
                    due.oneOffs(), due.usage()));
            if (decision.lines().isEmpty()) {
                problems.add("account " + key.account() + " on " + key.invoiceDate() + ": rule pack " + pack.name()
                        + " v" + pack.version() + " decided no charge for " + due.periods().size()
                        + " due period(s), " + due.usage().size() + " usage period(s) and " + due.oneOffs().size()
                        + " one-off charge(s)");
            }
            decided = decision.lines();
            spikes = decision.spikes().stream().map(x -> new UsageSpikeFlag(x.subscriptionId(), x.meter(), x.from(),
                    x.to(), x.quantity(), x.trailingAverage(), x.reason(), x.rule())).toList();
            trace = decision.trace().fired().stream()
                    .map(f -> new RuleFiring(f.order(), f.category().name(), f.rule(), f.matched())).toList();
            packRef = new PackRef(decision.trace().packName(), decision.trace().packVersion(),
                    decision.trace().packHash());
        }
        if (decided.isEmpty() && due.repairs().isEmpty()) {
            return Optional.empty();
        }
        if (packRef == null) { // repairs only: no rules ran
            packRef = new PackRef(pack.name(), pack.version(), pack.contentHash());
        }
        Map<AccountId, String> childNames = new HashMap<>();
        due.billedFor().values().stream().filter(a -> !a.equals(key.account())).distinct().forEach(child ->
                childNames.put(child, lookups.account(child).map(AccountView::name)
                        .orElse(child.toString())));
        BigDecimal credit = credits.computeIfAbsent(key.account(),
                a -> invoices.balance(tenant.id(), a.value(), account.currency()).credit());
        List<InvoiceLine> lines = InvoiceAssembler.assemble(new InvoiceAssembler.Input(key.account(), currency,
                pack.rounding(), decided, due.periods(), due.repairs(), due.billedFor(), childNames, credit));
        LocalDate dueDate = key.invoiceDate().plusDays(lookups.settings().paymentTermsDays());
        return Optional.of(new IssueInvoiceCommand(tenant.id(), invoiceId, key.account(), key.invoiceDate(), dueDate,
                account.currency(), lines, packRef, trace, new Party(tenant.name(), tenant.addressLines(),
                tenant.taxId()), new Party(account.name(), account.addressLines(), account.taxId()), spikes));
    }

    /** What an issued invoice did to the account's credit: kept some (positive) or used some (negative). */
    private static BigDecimal creditMoved(IssueInvoiceCommand command) {
        return InvoiceAssembler.creditMoved(command.lines());
    }

    /**
     * The price list a span starting on {@code day} is bought from: the one the plan change in force then named,
     * else the subscription's own (named on create; null: the pricing rules choose).
     */
    public static String priceListOn(SubscriptionView s, LocalDate day) {
        String named = null;
        for (PhaseStart entry : s.phases()) {
            if (entry.from().isAfter(day)) {
                break;
            }
            named = entry.priceList();
        }
        return named != null ? named : s.priceList();
    }

}
