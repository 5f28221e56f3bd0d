package org.ratebook.engine.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A tenant's billing run as a background job that every node shares (issue 14, decision 027). Starting a run plans
 * it: one work item per (account, invoice date) that is due, in {@code billing_run_items}. The nodes' workers
 * ({@link BillingRunWorker}) claim chunks of items with {@code FOR UPDATE SKIP LOCKED} and a lease, and invoice each
 * account through {@link BillingRun}'s per-account path, so exactly-once invoices and gapless numbers stay what
 * decision 004 makes them. Starting the same run again (same tenant and target) while it runs returns that run.
 * <p>
 * Every statement is bound to the run's tenant ({@link TenantScope}); another tenant's run is not found, as
 * Row-Level Security hides it.
 */
@Service
public class BillingRunJobs {

    public static final String RUNNING = "running";
    public static final String CANCELLED = "cancelled";
    public static final String FINISHED = "finished";

    /** A run as it stands, with its progress counted from its items. */
    public record Progress(UUID runId, TenantId tenant, String target, LocalDate targetDate, Instant targetAt,
                           String state, String requestedBy, Instant startedAt, Instant finishedAt, int accountsDue,
                           int accountsDone, int accountsFailed, int invoices, Map<String, BigDecimal> amounts,
                           List<String> problems, Map<String, Integer> itemsByNode) {
        public boolean running() {
            return RUNNING.equals(state);
        }
    }

    /** A run that a worker works: what it needs to invoice one account. */
    record Ref(TenantId tenant, UUID runId, LocalDate targetDate, Instant targetAt) {
    }

    private static final int PROBLEMS_SHOWN = 100;

    private final BillingRun billingRun;
    private final TenantScope scope;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    public BillingRunJobs(BillingRun billingRun, TenantScope scope, JdbcTemplate jdbc, Clock clock,
                          ObjectProvider<MeterRegistry> meters) {
        this.billingRun = billingRun;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /**
     * Starts the run of {@code tenant} for {@code targetDate}, or for the instant {@code at} (each account on its own
     * calendar date) when it is not null, and returns its id at once; the nodes' workers do the invoicing. A run for
     * the same target that is still running is returned instead of a second one: two nodes (or two clicks) that
     * start the same run share it.
     */
    public UUID start(TenantId tenant, LocalDate targetDate, Instant at, String requestedBy) {
        return start(tenant, targetDate, at, requestedBy, true).orElseThrow();
    }

    /**
     * As {@link #start(TenantId, LocalDate, Instant, String)}, but records no run when nothing is due: the hourly
     * scheduler's way, so an idle tenant does not leave a finished empty run behind every hour.
     */
    public Optional<UUID> startIfDue(TenantId tenant, Instant at, String requestedBy) {
        return start(tenant, null, at, requestedBy, false);
    }

    private Optional<UUID> start(TenantId tenant, LocalDate targetDate, Instant at, String requestedBy,
                                 boolean evenIfNothingIsDue) {
        LocalDate date = at == null ? targetDate : LocalDate.ofInstant(at, ZoneOffset.UTC);
        String target = at == null ? targetDate.toString() : at.toString();
        Optional<UUID> running = runningFor(tenant, target);
        if (running.isPresent()) {
            return running;
        }
        // planned outside the insert's transaction: it reads a lot, and only the rows below must be atomic
        List<BillingRun.DueKey> due = billingRun.due(tenant, date, at);
        if (due.isEmpty() && !evenIfNothingIsDue) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID runId = UUID.randomUUID();
        return Optional.of(scope.call(tenant, () -> {
            // a second node starting the same target waits here on the unique index until the first commits, and
            // then finds that run, already planned
            List<UUID> inserted = jdbc.queryForList("""
                    INSERT INTO billing_runs (tenant_id, run_id, target, target_date, target_at, state, requested_by,
                                              started_at)
                    VALUES (?, ?, ?, ?, ?, 'running', ?, ?)
                    ON CONFLICT (tenant_id, target) WHERE state = 'running' DO NOTHING
                    RETURNING run_id""", UUID.class, tenant.value(), runId, target, Date.valueOf(date),
                    at == null ? null : Timestamp.from(at), requestedBy, Timestamp.from(now));
            if (inserted.isEmpty()) {
                return runningFor(tenant, target).orElseThrow(() -> new IllegalStateException(
                        "a run for " + target + " was running a moment ago"));
            }
            jdbc.batchUpdate("""
                    INSERT INTO billing_run_items (tenant_id, run_id, account_id, invoice_date, state)
                    VALUES (?, ?, ?, ?, 'due') ON CONFLICT DO NOTHING""", due, 500, (ps, key) -> {
                ps.setString(1, tenant.value());
                ps.setObject(2, runId);
                ps.setObject(3, key.account().value());
                ps.setDate(4, Date.valueOf(key.invoiceDate()));
            });
            jdbc.update("""
                    UPDATE billing_runs SET accounts_due = (SELECT count(DISTINCT account_id) FROM billing_run_items
                                                            WHERE tenant_id = ? AND run_id = ?)
                    WHERE tenant_id = ? AND run_id = ?""", tenant.value(), runId, tenant.value(), runId);
            if (due.isEmpty()) {
                jdbc.update("UPDATE billing_runs SET state = 'finished', finished_at = ? WHERE tenant_id = ? "
                        + "AND run_id = ?", Timestamp.from(now), tenant.value(), runId);
            }
            meters.counter("ratebook.billing.runs.started", "tenant", tenant.value()).increment();
            return runId;
        }));
    }

    private Optional<UUID> runningFor(TenantId tenant, String target) {
        return scope.call(tenant, () -> jdbc.queryForList("""
                SELECT run_id FROM billing_runs WHERE tenant_id = ? AND target = ? AND state = 'running'""",
                UUID.class, tenant.value(), target)).stream().findFirst();
    }

    /** The run of {@code tenant} with its progress; not found for another tenant's run. */
    public Progress find(TenantId tenant, UUID runId) {
        return scope.call(tenant, () -> {
            List<Progress> runs = jdbc.query("""
                    SELECT * FROM billing_runs WHERE tenant_id = ? AND run_id = ?""", (rs, n) -> {
                Timestamp targetAt = rs.getTimestamp("target_at");
                Timestamp finishedAt = rs.getTimestamp("finished_at");
                return new Progress(runId, tenant, rs.getString("target"), rs.getDate("target_date").toLocalDate(),
                        targetAt == null ? null : targetAt.toInstant(), rs.getString("state"),
                        rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(),
                        finishedAt == null ? null : finishedAt.toInstant(), 0, 0, 0, 0, Map.of(), List.of(), Map.of());
            }, tenant.value(), runId);
            if (runs.isEmpty()) {
                throw new NotFoundException("no billing run " + runId);
            }
            Progress run = runs.getFirst();
            int[] accounts = new int[3];
            jdbc.query("""
                    SELECT count(*) AS due,
                           count(*) FILTER (WHERE open = 0) AS done,
                           count(*) FILTER (WHERE failed > 0) AS failed
                    FROM (SELECT account_id, count(*) FILTER (WHERE state IN ('due', 'claimed')) AS open,
                                 count(*) FILTER (WHERE state = 'failed') AS failed
                          FROM billing_run_items WHERE tenant_id = ? AND run_id = ? GROUP BY account_id) a""", rs -> {
                accounts[0] = rs.getInt("due");
                accounts[1] = rs.getInt("done");
                accounts[2] = rs.getInt("failed");
            }, tenant.value(), runId);
            Map<String, BigDecimal> amounts = new TreeMap<>();
            int[] invoices = new int[1];
            jdbc.query("""
                    SELECT currency, count(*) AS invoices, sum(amount) AS amount FROM billing_run_items
                    WHERE tenant_id = ? AND run_id = ? AND invoice_id IS NOT NULL GROUP BY currency""", rs -> {
                amounts.put(rs.getString("currency").trim(), rs.getBigDecimal("amount"));
                invoices[0] += rs.getInt("invoices");
            }, tenant.value(), runId);
            List<String> problems = jdbc.queryForList("""
                    SELECT 'account ' || account_id || ' on ' || invoice_date || ': ' || problem FROM billing_run_items
                    WHERE tenant_id = ? AND run_id = ? AND problem IS NOT NULL
                    ORDER BY (state = 'failed') DESC, invoice_date, account_id LIMIT ?""", String.class,
                    tenant.value(), runId, PROBLEMS_SHOWN);
            Map<String, Integer> byNode = new LinkedHashMap<>();
            jdbc.query("""
                    SELECT worked_by, count(*) AS n FROM billing_run_items
                    WHERE tenant_id = ? AND run_id = ? AND worked_by IS NOT NULL GROUP BY worked_by ORDER BY 1""",
                    rs -> {
                        byNode.put(rs.getString("worked_by"), rs.getInt("n"));
                    }, tenant.value(), runId);
            return new Progress(runId, tenant, run.target(), run.targetDate(), run.targetAt(), run.state(),
                    run.requestedBy(), run.startedAt(), run.finishedAt(), accounts[0], accounts[1], accounts[2],
                    invoices[0], amounts, problems, byNode);
        });
    }

    /**
     * Cancels a running run: workers stop claiming its items and give back what they hold after the account at hand;
     * what is invoiced stays invoiced. Cancelling a cancelled run again changes nothing; a finished one is a conflict.
     */
    public Progress cancel(TenantId tenant, UUID runId) {
        String state = stateOf(tenant, runId);
        if (FINISHED.equals(state)) {
            throw new BillingRunConflict("billing run " + runId + " is finished; there is nothing left to cancel");
        }
        scope.run(tenant, () -> jdbc.update("""
                UPDATE billing_runs SET state = 'cancelled', finished_at = ?
                WHERE tenant_id = ? AND run_id = ? AND state = 'running'""", Timestamp.from(clock.instant()),
                tenant.value(), runId));
        return find(tenant, runId);
    }

    /**
     * Resumes a cancelled run: its items not yet done (and those that failed, to be tried again) are claimed again.
     * Nothing is invoiced twice: what the run issued before it was cancelled is found issued. A finished run, or one
     * whose target another run is working on now, is a conflict.
     */
    public Progress resume(TenantId tenant, UUID runId) {
        String state = stateOf(tenant, runId);
        if (FINISHED.equals(state)) {
            throw new BillingRunConflict("billing run " + runId + " is finished; start a new run to bill what "
                    + "became due since");
        }
        if (CANCELLED.equals(state)) {
            try {
                scope.run(tenant, () -> {
                    jdbc.update("""
                            UPDATE billing_runs SET state = 'running', finished_at = NULL
                            WHERE tenant_id = ? AND run_id = ? AND state = 'cancelled'""", tenant.value(), runId);
                    jdbc.update("""
                            UPDATE billing_run_items SET state = 'due', problem = NULL, claimed_by = NULL,
                                                         lease_until = NULL
                            WHERE tenant_id = ? AND run_id = ? AND state = 'failed'""", tenant.value(), runId);
                });
            } catch (DuplicateKeyException e) {
                throw new BillingRunConflict("another billing run for the same target is running; billing run "
                        + runId + " stays cancelled");
            }
        }
        return find(tenant, runId);
    }

    private String stateOf(TenantId tenant, UUID runId) {
        return scope.call(tenant, () -> jdbc.queryForList(
                "SELECT state FROM billing_runs WHERE tenant_id = ? AND run_id = ?", String.class, tenant.value(),
                runId)).stream().findFirst().orElseThrow(() -> new NotFoundException("no billing run " + runId));
    }

    // ---- for the workers ----

    /** The runs of every tenant that are running (the system path: a worker serves all tenants). */
    List<Ref> running() {
        return scope.system(() -> jdbc.query("""
                SELECT tenant_id, run_id, target_date, target_at FROM billing_runs WHERE state = 'running'
                ORDER BY started_at""", (rs, n) -> new Ref(TenantId.of(rs.getString("tenant_id")),
                rs.getObject("run_id", UUID.class), rs.getDate("target_date").toLocalDate(),
                rs.getTimestamp("target_at") == null ? null : rs.getTimestamp("target_at").toInstant())));
    }

    /**
     * Claims every open item of up to {@code limit} accounts of a running run for {@code node} until
     * {@code leaseUntil}: items due, and items whose lease has run out (their node died). An account is claimed whole
     * (all its open dates), so no two nodes ever invoice one account at the same time: its invoices follow each other
     * and use its credit in date order, as in a run on one node. Accounts another node is claiming at this moment are
     * skipped, not waited for. Returns the claimed items by account, in account order.
     */
    Map<AccountId, List<LocalDate>> claim(Ref run, String node, Instant now, Instant leaseUntil, int limit) {
        return claimChunk(run, node, now, leaseUntil, limit).items();
    }

    /**
     * A claimed chunk: its items by account, in account order, and whether any of them was taken over from a node
     * whose lease had run out (that node may have issued some of their invoices a moment before it died).
     */
    record Claim(Map<AccountId, List<LocalDate>> items, Map<AccountId, List<LocalDate>> takenOverItems) {
        boolean isEmpty() {
            return items.isEmpty();
        }

        boolean takenOver() {
            return !takenOverItems.isEmpty();
        }
    }

    /** As {@link #claim}, saying whether items were taken over from a dead node. */
    Claim claimChunk(Ref run, String node, Instant now, Instant leaseUntil, int limit) {
        Map<AccountId, List<LocalDate>> claimed = new LinkedHashMap<>();
        Map<AccountId, List<LocalDate>> takenOver = new LinkedHashMap<>();
        // a: the first open accounts that no other transaction is claiming (a transaction-scoped advisory lock per
        // run and account; SKIP LOCKED on the rows alone could split one account's dates between two nodes).
        // c: their open rows, locked; the row lock re-checks the state, so an account claimed by a transaction that
        // committed a moment ago is not claimed again. Both MATERIALIZED: as a plain subquery the planner may scan c
        // again per row updated, and each scan would lock the next rows (a chunk of 3 claimed all 12).
        scope.run(run.tenant(), () -> jdbc.query("""
                WITH a AS MATERIALIZED (
                    SELECT account_id FROM (
                        SELECT DISTINCT account_id FROM billing_run_items
                        WHERE tenant_id = ? AND run_id = ?
                          AND (state = 'due' OR (state = 'claimed' AND lease_until < ?))
                        ORDER BY account_id) open
                    WHERE pg_try_advisory_xact_lock(hashtextextended(? || account_id::text, 0))
                    LIMIT ?),
                c AS MATERIALIZED (
                    SELECT account_id, invoice_date, state AS was FROM billing_run_items
                    WHERE tenant_id = ? AND run_id = ? AND account_id IN (SELECT account_id FROM a)
                      AND (state = 'due' OR (state = 'claimed' AND lease_until < ?))
                      AND EXISTS (SELECT 1 FROM billing_runs r
                                  WHERE r.tenant_id = ? AND r.run_id = ? AND r.state = 'running')
                    FOR UPDATE SKIP LOCKED)
                UPDATE billing_run_items i SET state = 'claimed', claimed_by = ?, lease_until = ?
                FROM c
                WHERE i.tenant_id = ? AND i.run_id = ? AND i.account_id = c.account_id
                  AND i.invoice_date = c.invoice_date
                RETURNING i.account_id, i.invoice_date, c.was""", rs -> {
            if ("claimed".equals(rs.getString("was"))) {
                takenOver.computeIfAbsent(new AccountId(rs.getObject("account_id", UUID.class)),
                        a -> new ArrayList<>()).add(rs.getDate("invoice_date").toLocalDate());
            }
            claimed.computeIfAbsent(new AccountId(rs.getObject("account_id", UUID.class)), a -> new ArrayList<>())
                    .add(rs.getDate("invoice_date").toLocalDate());
        }, run.tenant().value(), run.runId(), Timestamp.from(now), run.runId().toString(), limit,
                run.tenant().value(), run.runId(), Timestamp.from(now), run.tenant().value(), run.runId(), node,
                Timestamp.from(leaseUntil), run.tenant().value(), run.runId()));
        // the statement returns rows in no particular order: an account's dates in order, accounts in order
        Map<AccountId, List<LocalDate>> ordered = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        claimed.forEach((a, dates) -> ordered.put(a, dates.stream().sorted().toList()));
        return new Claim(ordered, Map.copyOf(takenOver));
    }

    /** Whether the run is still running (a cancel stops a worker between accounts). */
    boolean isRunning(Ref run) {
        return RUNNING.equals(scope.call(run.tenant(), () -> jdbc.queryForList(
                "SELECT state FROM billing_runs WHERE tenant_id = ? AND run_id = ?", String.class,
                run.tenant().value(), run.runId())).stream().findFirst().orElse(null));
    }

    /** Invoices a claimed chunk of accounts through the per-account path of {@link BillingRun}, in one call. */
    BillingRunResult invoice(Ref run, java.util.Set<AccountId> accounts) {
        return billingRun.runAccounts(run.tenant(), accounts, run.targetDate(), run.targetAt());
    }

    /**
     * What a worker keeps for one round of chunks of a run (pack in effect, settings, accounts, the read model
     * caught up once): see {@link BillingRun#chunks}.
     */
    BillingRun.Chunks chunks(Ref run) {
        return billingRun.chunks(run.tenant(), run.targetDate(), run.targetAt());
    }

    /** Invoices a claimed chunk with what the round has read already. */
    BillingRunResult invoice(BillingRun.Chunks chunks, Claim claim) {
        return billingRun.runChunk(chunks, claim.items().keySet(), claim.takenOver());
    }

    /**
     * Records what invoicing a chunk did, for each of its accounts as {@link #record} does, in one transaction
     * bound to the tenant once (not one per account).
     */
    void recordChunk(Ref run, String node, Claim claim, BillingRunResult result, Instant leaseUntil) {
        scope.run(run.tenant(), () -> claim.items().keySet().forEach(a -> record(run, node, a, result, leaseUntil,
                claim.takenOverItems().getOrDefault(a, List.of()))));
    }

    /**
     * Records what invoicing {@code account} did: each invoice on the item of its date (done), the node's other
     * claimed items of the account as failed (with the reason) or skipped (nothing to issue, or issued before);
     * the node's remaining claims get a fresh lease.
     */
    void record(Ref run, String node, AccountId account, BillingRunResult result, Instant leaseUntil) {
        record(run, node, account, result, leaseUntil, List.of());
    }

    /**
     * As {@link #record(Ref, String, AccountId, BillingRunResult, Instant)}; {@code takenOver}: the account's dates
     * whose claims were taken over from a node whose lease ran out. That node may have issued their invoices and
     * died before it recorded them; found issued now, such an item is done with the invoice the read model shows
     * for it (the chunk waited for the read model, see {@link BillingRun#runChunk}), not skipped, so the run counts
     * every invoice it issued. An item that was due (never claimed before) and is found invoiced was invoiced by
     * someone else (by hand, another run) and stays skipped.
     */
    private void record(Ref run, String node, AccountId account, BillingRunResult result, Instant leaseUntil,
                        List<LocalDate> takenOver) {
        String tenant = run.tenant().value();
        scope.run(run.tenant(), () -> {
            for (BillingRunResult.Issued issued : result.invoices()) {
                if (!issued.account().equals(account)) {
                    continue;
                }
                // an item a stalled node gave up as skipped still gets the invoice that was issued for it
                jdbc.update("""
                        UPDATE billing_run_items SET state = 'done', worked_by = ?, invoice_id = ?, currency = ?,
                                                     amount = ?, claimed_by = NULL, lease_until = NULL
                        WHERE tenant_id = ? AND run_id = ? AND account_id = ? AND invoice_date = ?
                          AND (state IN ('due', 'claimed') OR (state = 'skipped' AND invoice_id IS NULL))""",
                        node, issued.invoiceId(), issued.currency(), issued.total(), tenant, run.runId(),
                        account.value(), Date.valueOf(issued.invoiceDate()));
                meters.counter("ratebook.billing.run.invoices", "tenant", tenant).increment();
                meters.counter("ratebook.billing.run.amount", "tenant", tenant, "currency", issued.currency())
                        .increment(issued.total().doubleValue());
            }
            List<BillingRunResult.AccountFailure> failures = result.failures().stream()
                    .filter(f -> f.account().equals(account)).toList();
            if (failures.isEmpty()) {
                for (LocalDate date : takenOver) {
                    int n = jdbc.update("""
                            UPDATE billing_run_items i SET state = 'done', worked_by = ?, invoice_id = v.invoice_id,
                                   currency = v.currency, amount = v.total, claimed_by = NULL, lease_until = NULL
                            FROM (SELECT invoice_id, currency, total FROM invoices
                                  WHERE tenant_id = ? AND account_id = ? AND invoice_date = ?
                                    AND status NOT IN ('VOID', 'DISCARDED')
                                  ORDER BY number DESC LIMIT 1) v
                            WHERE i.tenant_id = ? AND i.run_id = ? AND i.account_id = ? AND i.invoice_date = ?
                              AND i.state = 'claimed' AND i.claimed_by = ?""", node, tenant, account.value(),
                            Date.valueOf(date), tenant, run.runId(), account.value(), Date.valueOf(date), node);
                    meters.counter("ratebook.billing.run.items", "tenant", tenant, "outcome", "done").increment(n);
                }
            }
            String problems = result.problems().isEmpty() ? null : truncate(String.join("; ", result.problems()));
            if (!failures.isEmpty()) {
                String reason = truncate(failures.stream().map(BillingRunResult.AccountFailure::reason).distinct()
                        .reduce((a, b) -> a + "; " + b).orElseThrow());
                int n = jdbc.update("""
                        UPDATE billing_run_items SET state = 'failed', worked_by = ?, problem = ?, claimed_by = NULL,
                                                     lease_until = NULL
                        WHERE tenant_id = ? AND run_id = ? AND account_id = ? AND state = 'claimed' AND claimed_by = ?""",
                        node, reason, tenant, run.runId(), account.value(), node);
                meters.counter("ratebook.billing.run.items", "tenant", tenant, "outcome", "failed").increment(n);
            }
            int skipped = jdbc.update("""
                    UPDATE billing_run_items SET state = 'skipped', worked_by = ?, problem = ?, claimed_by = NULL,
                                                 lease_until = NULL
                    WHERE tenant_id = ? AND run_id = ? AND account_id = ? AND state = 'claimed' AND claimed_by = ?""",
                    node, problems, tenant, run.runId(), account.value(), node);
            meters.counter("ratebook.billing.run.items", "tenant", tenant, "outcome", "skipped").increment(skipped);
            meters.counter("ratebook.billing.run.items", "tenant", tenant, "outcome", "done")
                    .increment(result.invoices().size());
            jdbc.update("""
                    UPDATE billing_run_items SET lease_until = ?
                    WHERE tenant_id = ? AND run_id = ? AND state = 'claimed' AND claimed_by = ?""",
                    Timestamp.from(leaseUntil), tenant, run.runId(), node);
        });
    }

    /** An account whose invoicing threw: its claimed items failed, with the reason. */
    void failed(Ref run, String node, AccountId account, RuntimeException e) {
        String reason = truncate(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        scope.run(run.tenant(), () -> jdbc.update("""
                UPDATE billing_run_items SET state = 'failed', worked_by = ?, problem = ?, claimed_by = NULL,
                                             lease_until = NULL
                WHERE tenant_id = ? AND run_id = ? AND account_id = ? AND state = 'claimed' AND claimed_by = ?""",
                node, reason, run.tenant().value(), run.runId(), account.value(), node));
    }

    /** Extends the leases of the node's claims of a run: the node is alive and working on them. */
    void renew(Ref run, String node, Instant leaseUntil) {
        scope.run(run.tenant(), () -> jdbc.update("""
                UPDATE billing_run_items SET lease_until = ?
                WHERE tenant_id = ? AND run_id = ? AND state = 'claimed' AND claimed_by = ?""",
                Timestamp.from(leaseUntil), run.tenant().value(), run.runId(), node));
    }

    /** Gives back the node's claims of a run (it was cancelled): they are due again when the run resumes. */
    void release(Ref run, String node) {
        scope.run(run.tenant(), () -> jdbc.update("""
                UPDATE billing_run_items SET state = 'due', claimed_by = NULL, lease_until = NULL
                WHERE tenant_id = ? AND run_id = ? AND state = 'claimed' AND claimed_by = ?""",
                run.tenant().value(), run.runId(), node));
    }

    /** Finishes the run when none of its items is due or claimed any more; true when it is finished now. */
    boolean finishIfDone(Ref run) {
        String tenant = run.tenant().value();
        return scope.call(run.tenant(), () -> jdbc.update("""
                UPDATE billing_runs r SET state = 'finished', finished_at = ?,
                       accounts_done = (SELECT count(DISTINCT account_id) FROM billing_run_items i
                                        WHERE i.tenant_id = r.tenant_id AND i.run_id = r.run_id),
                       invoices = (SELECT count(*) FROM billing_run_items i
                                   WHERE i.tenant_id = r.tenant_id AND i.run_id = r.run_id AND invoice_id IS NOT NULL)
                WHERE tenant_id = ? AND run_id = ? AND state = 'running'
                  AND NOT EXISTS (SELECT 1 FROM billing_run_items i WHERE i.tenant_id = r.tenant_id
                                  AND i.run_id = r.run_id AND i.state IN ('due', 'claimed'))""",
                Timestamp.from(clock.instant()), tenant, run.runId()) > 0);
    }

    /** Items due or claimed in every running run (the workers' backlog, a gauge). */
    long open() {
        return scope.system(() -> jdbc.queryForObject("""
                SELECT count(*) FROM billing_run_items i JOIN billing_runs r
                  ON r.tenant_id = i.tenant_id AND r.run_id = i.run_id AND r.state = 'running'
                WHERE i.state IN ('due', 'claimed')""", Long.class));
    }

    Clock clock() {
        return clock;
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
