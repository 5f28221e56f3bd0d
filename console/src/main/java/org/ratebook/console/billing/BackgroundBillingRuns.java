package org.ratebook.console.billing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.ratebook.console.finance.FinanceAccess;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.listing.AccountListing;
import org.ratebook.engine.listing.Cursor;
import org.ratebook.engine.listing.Page;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a tenant's billing in the background, account by account through the engine's own {@link BillingRun}
 * (a real run) or its preview (a dry run: nothing recorded), so that the console can show progress and each
 * account's problem on its own. A run's state lives here while it runs (and survives leaving the page); its
 * outcome is kept in {@code billing_run_history}.
 */
@Service
public class BackgroundBillingRuns {

    private static final Logger log = LoggerFactory.getLogger(BackgroundBillingRuns.class);
    private static final TypeReference<Map<String, BigDecimal>> TOTALS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A run as it stands: live while running, read from the history afterwards. */
    public record Run(UUID runId, Instant startedAt, Instant finishedAt, String startedBy, LocalDate targetDate,
                      boolean dryRun, String state, int accountsDone, int accountsTotal, int invoices,
                      Map<String, BigDecimal> totals, List<String> problems, List<UUID> issued) {
        public double progress() {
            return accountsTotal == 0 ? ("RUNNING".equals(state) ? 0 : 1) : (double) accountsDone / accountsTotal;
        }

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** The mutable state of a run in progress. */
    private static final class Live {
        final UUID runId = UUID.randomUUID();
        final TenantId tenant;
        final Instant startedAt;
        final String startedBy;
        final LocalDate targetDate;
        final boolean dryRun;
        volatile String state = "RUNNING";
        volatile Instant finishedAt;
        volatile int total;
        final AtomicInteger done = new AtomicInteger();
        final Map<String, BigDecimal> totals = Collections.synchronizedMap(new TreeMap<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        final List<UUID> issued = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger invoices = new AtomicInteger();

        Live(TenantId tenant, Instant startedAt, String startedBy, LocalDate targetDate, boolean dryRun) {
            this.tenant = tenant;
            this.startedAt = startedAt;
            this.startedBy = startedBy;
            this.targetDate = targetDate;
            this.dryRun = dryRun;
        }

        Run view() {
            return new Run(runId, startedAt, finishedAt, startedBy, targetDate, dryRun, state, done.get(), total,
                    invoices.get(), Map.copyOf(totals), List.copyOf(problems), List.copyOf(issued));
        }
    }

    private final FinanceAccess access;
    private final BillingRun billingRun;
    private final AccountListing accounts;
    private final AccountDirectory directory;
    private final InvoiceQueries invoices;
    private final TenantClocks clocks;
    private final TestClocks testClocks;
    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;
    private final ObjectMapper json = AxonConfiguration.eventMapper();
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-billing-run");
        t.setDaemon(true);
        return t;
    });

    public BackgroundBillingRuns(FinanceAccess access, BillingRun billingRun, AccountListing accounts,
                                 AccountDirectory directory, InvoiceQueries invoices, TenantClocks clocks,
                                 TestClocks testClocks, JdbcTemplate jdbc, TenantScope scope, Clock clock) {
        this.access = access;
        this.billingRun = billingRun;
        this.accounts = accounts;
        this.directory = directory;
        this.invoices = invoices;
        this.clocks = clocks;
        this.testClocks = testClocks;
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Starts a run for {@code targetDate} (null: what is due now, each account on its own calendar date) or a dry
     * run; returns at once. Refused for a date after the tenant's today, as the API refuses it.
     */
    public UUID start(LocalDate targetDate, boolean dryRun) {
        TenantId tenant = access.actor();
        LocalDate today = LocalDate.now(clocks.of(tenant));
        if (targetDate != null && targetDate.isAfter(today)) {
            throw new IllegalArgumentException("The date " + targetDate + " is after today (" + today
                    + "); billing ahead of time is not allowed");
        }
        String by = SecurityContextHolder.getContext().getAuthentication().getName();
        Live run = new Live(tenant, clock.instant(), by, targetDate, dryRun);
        live.put(run.runId, run);
        scope.run(tenant, () -> jdbc.update("""
                INSERT INTO billing_run_history (tenant_id, run_id, started_at, started_by, target_date, dry_run, state)
                VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')""", tenant.value(), run.runId, Timestamp.from(run.startedAt), by,
                targetDate == null ? null : java.sql.Date.valueOf(targetDate), dryRun));
        worker.submit(() -> execute(run));
        return run.runId;
    }

    private void execute(Live run) {
        try {
            List<AccountListing.Row> all = new ArrayList<>();
            Cursor after = null;
            do {
                Page<AccountListing.Row> page = accounts.page(run.tenant, AccountListing.Filter.NONE, after, 500);
                all.addAll(page.items());
                after = page.next();
            } while (after != null);
            run.total = all.size();
            Instant now = clocks.of(run.tenant).instant();
            for (AccountListing.Row account : all) {
                try {
                    LocalDate day = run.targetDate != null ? run.targetDate
                            : directory.find(run.tenant, new AccountId(account.accountId()))
                            .map(a -> a.today(Clock.fixed(now, java.time.ZoneOffset.UTC)))
                            .orElse(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
                    if (run.dryRun) {
                        for (IssueInvoiceCommand c : billingRun.preview(run.tenant, new AccountId(account.accountId()),
                                day, Map.of())) {
                            BigDecimal total = c.lines().stream().map(l -> l.amount().add(l.taxAmount()))
                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                            run.totals.merge(c.currency(), total, BigDecimal::add);
                            run.invoices.incrementAndGet();
                        }
                    } else {
                        BillingRunResult result = billingRun.runAccount(run.tenant,
                                new AccountId(account.accountId()), day);
                        invoices.awaitVisible(run.tenant, result.issued(), Duration.ofSeconds(10));
                        for (UUID id : result.issued()) {
                            invoices.find(run.tenant, id).ifPresent(i -> add(run, i));
                        }
                        result.problems().forEach(p -> run.problems.add(account.name() + ": " + p));
                    }
                } catch (RuntimeException e) {
                    log.warn("Billing run {}: account {} failed", run.runId, account.accountId(), e);
                    run.problems.add(account.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
                }
                run.done.incrementAndGet();
            }
            run.state = "FINISHED";
        } catch (RuntimeException e) {
            log.error("Billing run {} failed", run.runId, e);
            run.problems.add("The run stopped: " + e.getMessage());
            run.state = "FAILED";
        } finally {
            run.finishedAt = clock.instant();
            try {
                scope.run(run.tenant, () -> jdbc.update("""
                        UPDATE billing_run_history SET finished_at = ?, state = ?, accounts = ?, invoices = ?,
                               totals = ?::jsonb, problems = ?::jsonb
                        WHERE tenant_id = ? AND run_id = ?""", Timestamp.from(run.finishedAt), run.state,
                        run.done.get(), run.invoices.get(), write(run.totals), write(run.problems), run.tenant.value(),
                        run.runId));
            } catch (RuntimeException e) {
                log.error("Billing run {}: could not keep its outcome", run.runId, e);
            }
        }
    }

    private static void add(Live run, InvoiceView invoice) {
        run.issued.add(invoice.invoiceId());
        run.invoices.incrementAndGet();
        run.totals.merge(invoice.currency(), invoice.total(), BigDecimal::add);
    }

    /** A run of the signed-in user's tenant: live while it runs, else from the history. */
    public Optional<Run> find(UUID runId) {
        TenantId tenant = access.reader();
        Live l = live.get(runId);
        if (l != null && l.tenant.equals(tenant)) {
            return Optional.of(l.view());
        }
        return history(tenant, runId, 1).stream().findFirst();
    }

    /** The tenant's latest runs, newest first. */
    public List<Run> history(int limit) {
        TenantId tenant = access.reader();
        return history(tenant, null, limit).stream()
                .map(r -> Optional.ofNullable(live.get(r.runId())).filter(l -> l.tenant.equals(tenant))
                        .map(Live::view).orElse(r)).toList();
    }

    private List<Run> history(TenantId tenant, UUID runId, int limit) {
        return scope.call(tenant, () -> jdbc.query("""
                SELECT * FROM billing_run_history WHERE tenant_id = ? AND (?::uuid IS NULL OR run_id = ?)
                ORDER BY started_at DESC LIMIT ?""", (rs, n) -> new Run(rs.getObject("run_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                rs.getString("started_by"),
                rs.getDate("target_date") == null ? null : rs.getDate("target_date").toLocalDate(),
                rs.getBoolean("dry_run"), rs.getString("state"), rs.getInt("accounts"), rs.getInt("accounts"),
                rs.getInt("invoices"), read(rs.getString("totals"), TOTALS), read(rs.getString("problems"), STRINGS),
                List.of()), tenant.value(), runId, runId, limit));
    }

    // ---- the sandbox test clock ----

    /** The sandbox tenant's test time, or empty for a live tenant. */
    public Optional<Instant> testClock() {
        TenantId tenant = access.reader();
        try {
            return Optional.of(testClocks.now(tenant));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Advances the sandbox clock to the start of {@code day} (UTC), billing every period due on the way. */
    public TestClocks.Advanced advanceClock(LocalDate day) {
        TenantId tenant = access.actor();
        TestClocks.Advanced advanced = testClocks.advance(tenant, day.atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
        invoices.awaitVisible(tenant, advanced.billing().issued(), Duration.ofSeconds(10));
        return advanced;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
