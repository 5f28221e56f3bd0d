package org.ratebook.engine.audit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.projection.InvoiceProjection;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Rebuilds one tenant's invoice read model (invoices, lines, payments, credit notes, account credit) from the
 * event store, with progress, while every other tenant keeps billing: only that tenant's rows are deleted and
 * rewritten, in one transaction, by the projection's own handlers — readers see the old rows until it commits.
 * Events the live processor handles meanwhile are idempotent there (every insert is ON CONFLICT DO NOTHING), so
 * they are neither lost nor doubled.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    static final int BATCH = 5_000;
    private static final List<String> TABLES = List.of("account_credit_entries", "account_credits", "credit_notes",
            "payments", "invoice_lines", "invoices");
    /** Credit given and taken by hand is the account's event, and the invoice projection's row (decision 025). */
    private static final String CREDIT_GIVEN = org.ratebook.engine.account.api.AccountCreditGivenEvent.class.getName();
    private static final String CREDIT_TAKEN = org.ratebook.engine.account.api.AccountCreditTakenEvent.class.getName();

    /** A rebuild's progress; {@code eventsPerSecond} over the events read so far. */
    public record Progress(UUID id, TenantId tenant, long total, long done, String state, Instant startedAt,
                           double eventsPerSecond, String problem) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final AnnotationEventHandlerAdapter invoices;
    private final Clock clock;
    private final Map<TenantId, Progress> jobs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    public ProjectionRebuild(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactionManager,
                             InvoiceProjection invoiceProjection, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = new TransactionTemplate(transactionManager);
        this.invoices = new AnnotationEventHandlerAdapter(invoiceProjection);
        this.clock = clock;
    }

    /** Starts the tenant's rebuild in the background, unless one is running. */
    public synchronized Progress start(TenantId tenant) {
        Progress current = jobs.get(tenant);
        if (current != null && "RUNNING".equals(current.state())) {
            return current;
        }
        Progress started = new Progress(UUID.randomUUID(), tenant, count(tenant), 0, "RUNNING", clock.instant(), 0, null);
        jobs.put(tenant, started);
        background.submit(() -> {
            long t0 = System.nanoTime();
            try {
                long done = rebuild(tenant, n -> jobs.put(tenant, new Progress(started.id(), tenant, started.total(), n,
                        "RUNNING", started.startedAt(), rate(n, t0), null)));
                jobs.put(tenant, new Progress(started.id(), tenant, started.total(), done, "DONE", started.startedAt(),
                        rate(done, t0), null));
            } catch (RuntimeException e) {
                log.error("Rebuilding the invoice read model of {} failed", tenant, e);
                Progress last = jobs.get(tenant);
                jobs.put(tenant, new Progress(started.id(), tenant, started.total(), last.done(), "FAILED",
                        started.startedAt(), last.eventsPerSecond(), e.getMessage()));
            }
        });
        return started;
    }

    public Optional<Progress> progress(TenantId tenant) {
        return Optional.ofNullable(jobs.get(tenant));
    }

    /** Rebuilds now, in the calling thread; returns the number of events replayed. */
    public long rebuild(TenantId tenant, LongConsumer progress) {
        AtomicLong done = new AtomicLong();
        ObjectMapperHolder mapper = new ObjectMapperHolder();
        transactions.executeWithoutResult(status -> {
            tenantScope.bind(tenant);
            for (String table : TABLES) {
                jdbc.update("DELETE FROM " + table + " WHERE tenant_id = ?", tenant.value());
            }
            long after = 0;
            while (true) {
                long[] last = {after};
                // the event store is not under row-level security: read it as the application, this tenant's only
                List<Object> batch = jdbc.query("""
                        SELECT global_index, payload_type, convert_from(payload, 'UTF8') AS payload
                          FROM domain_event_entry
                         WHERE global_index > ? AND (payload_type LIKE 'org.ratebook.engine.invoicing.api.%'
                                                     OR payload_type IN (?, ?))
                           AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?
                         ORDER BY global_index LIMIT ?""", (rs, n) -> {
                    last[0] = rs.getLong(1);
                    return mapper.read(rs.getString(2), rs.getString(3));
                }, after, CREDIT_GIVEN, CREDIT_TAKEN, tenant.value(), BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                for (Object event : batch) {
                    if (event == null) {
                        throw new IllegalStateException("an invoicing event of " + tenant + " cannot be read");
                    }
                    try {
                        invoices.handle(GenericEventMessage.asEventMessage(event));
                    } catch (Exception e) {
                        throw new IllegalStateException("replaying " + event.getClass().getSimpleName() + " failed", e);
                    }
                }
                after = last[0];
                progress.accept(done.addAndGet(batch.size()));
            }
        });
        return done.get();
    }

    private long count(TenantId tenant) {
        Long n = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                 WHERE (payload_type LIKE 'org.ratebook.engine.invoicing.api.%' OR payload_type IN (?, ?))
                   AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?""", Long.class,
                CREDIT_GIVEN, CREDIT_TAKEN, tenant.value());
        return n == null ? 0 : n;
    }

    private static double rate(long events, long t0) {
        double seconds = Duration.ofNanos(System.nanoTime() - t0).toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    /** Deserializes payloads by type with the event mapper, caching classes. */
    private static final class ObjectMapperHolder {
        private final com.fasterxml.jackson.databind.ObjectMapper mapper = AxonConfiguration.eventMapper();
        private final Map<String, Class<?>> types = new ConcurrentHashMap<>();

        Object read(String type, String json) {
            try {
                Class<?> c = types.computeIfAbsent(type, t -> {
                    try {
                        return Class.forName(t);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("unknown event type " + t, e);
                    }
                });
                return mapper.readValue(json, c);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }
    }
}
