package org.ratebook.engine.billing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ratebook.engine.account.api.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's share of the billing runs that are running (decision 027): it polls for running runs, claims a chunk of
 * accounts (each whole: all its open items) with a lease, invoices them in one call of {@link BillingRun}, and claims
 * again. Every node runs one, so the
 * nodes on one database share every run; a node that dies leaves its claims to expire, and another takes them.
 * While a chunk is being invoiced, a heartbeat renews the node's claims, so only a dead node's claims run out.
 */
@Component
@ConditionalOnProperty(name = "ratebook.billing.worker.enabled", havingValue = "true", matchIfMissing = true)
public class BillingRunWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BillingRunWorker.class);

    private final BillingRunJobs jobs;
    private final String node;
    private final Duration lease;
    private final Duration poll;
    private final int chunk;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong accountsWorked = new AtomicLong();
    private volatile ScheduledExecutorService executor;
    /** Set by {@link #stop()}: finish the chunk at hand, claim no more. */
    private volatile boolean stopping;
    /** The run whose chunk this node is invoicing now; its claims' leases are renewed while it works. */
    private volatile BillingRunJobs.Ref working;

    public BillingRunWorker(BillingRunJobs jobs, ObjectProvider<MeterRegistry> meters,
                            @Value("${ratebook.node.id:}") String node,
                            @Value("${ratebook.billing.worker.lease:PT60S}") Duration lease,
                            @Value("${ratebook.billing.worker.poll:PT1S}") Duration poll,
                            @Value("${ratebook.billing.worker.chunk:50}") int chunk) {
        this.jobs = jobs;
        // pid@host: two nodes on one machine are two nodes
        this.node = node == null || node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
        this.lease = lease;
        this.poll = poll;
        this.chunk = chunk;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("ratebook.billing.run.open", open, AtomicLong::get)
                .description("Items of running billing runs not yet worked (due or claimed), as this node last saw")
                .register(registry);
        Gauge.builder("ratebook.billing.run.accounts.worked", accountsWorked, AtomicLong::get)
                .description("Accounts of billing runs this node has invoiced since it started")
                .tag("node", this.node).register(registry);
    }

    public String node() {
        return node;
    }

    @Override
    public void start() {
        stopping = false;
        ScheduledExecutorService e = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "billing-run-worker");
            t.setDaemon(true);
            return t;
        });
        e.scheduleWithFixedDelay(this::pollOnce, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        // the heartbeat: a live node keeps its claims however long a chunk takes (a read model to wait for, a slow
        // pack); a dead node stops renewing, and its claims are free a lease later
        long beat = Math.max(100, lease.toMillis() / 3);
        e.scheduleWithFixedDelay(this::renew, beat, beat, TimeUnit.MILLISECONDS);
        executor = e;
    }

    /**
     * Stops claiming, lets the chunk at hand finish (for up to a lease), then stops. A chunk cut short is not the
     * accounts' failure: its claims are given back or expire, and another node (or this one again) works them.
     */
    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            stopping = true;
            e.shutdown();
            try {
                if (!e.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS)) {
                    e.shutdownNow();
                    e.awaitTermination(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                e.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void renew() {
        BillingRunJobs.Ref run = working;
        if (run == null) {
            return;
        }
        try {
            jobs.renew(run, node, jobs.clock().instant().plus(lease));
        } catch (RuntimeException e) {
            log.warn("Billing run worker {}: could not renew its lease: {}", node, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** One round: every running run's items until none is left to claim (or the node is stopping). */
    void pollOnce() {
        try {
            List<BillingRunJobs.Ref> running = jobs.running();
            if (running.isEmpty()) {
                open.set(0);
                return;
            }
            for (BillingRunJobs.Ref run : running) {
                if (stopping) {
                    return;
                }
                work(run);
            }
            open.set(jobs.open());
        } catch (RuntimeException e) {
            // the database away, a node stopping: the claims' leases run out and someone claims them again
            log.warn("Billing run worker {}: {}", node, e.toString());
        }
    }

    private void work(BillingRunJobs.Ref run) {
        // what the chunks of this round share (pack in effect, settings, accounts, the read model caught up once):
        // read with the first chunk claimed
        BillingRun.Chunks round = null;
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Instant now = jobs.clock().instant();
            BillingRunJobs.Claim claim = jobs.claimChunk(run, node, now, now.plus(lease), chunk);
            Map<AccountId, List<LocalDate>> claimed = claim.items();
            if (claimed.isEmpty()) {
                if (jobs.finishIfDone(run)) {
                    log.info("Billing run {} of {} finished", run.runId(), run.tenant());
                }
                return;
            }
            if (stopping || Thread.currentThread().isInterrupted() || !jobs.isRunning(run)) {
                jobs.release(run, node); // cancelled (or stopping): what is not invoiced waits for a resume
                return;
            }
            working = run;
            try {
                if (round == null) {
                    round = jobs.chunks(run);
                }
                // one call per chunk, reading only the chunk's accounts; what does not change is read once per round
                BillingRunResult result = jobs.invoice(round, claim);
                jobs.recordChunk(run, node, claim, result, jobs.clock().instant().plus(lease));
            } catch (RuntimeException e) {
                if (databaseAway(e)) {
                    throw e; // not the accounts' fault: the lease runs out and the chunk is claimed again
                }
                if (stopping || Thread.currentThread().isInterrupted()) {
                    log.info("Billing run {}: node {} stopped in the middle of a chunk; it is given back", run.runId(),
                            node);
                    Thread.interrupted(); // the release below needs a connection
                    jobs.release(run, node);
                    return;
                }
                log.warn("Billing run {}: a chunk of {} accounts failed", run.runId(), claimed.size(), e);
                for (AccountId account : claimed.keySet()) {
                    jobs.failed(run, node, account, e);
                }
            } finally {
                working = null;
            }
            accountsWorked.addAndGet(claimed.size());
        }
    }

    /** The database went away (not the account's fault): leave the claim to expire instead of failing the account. */
    private static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.TransientDataAccessResourceException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
