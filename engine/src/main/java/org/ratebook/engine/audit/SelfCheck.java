package org.ratebook.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-derives invoices to prove they still follow from the events: a sample of the most recent every day (see
 * {@link SelfCheckScheduler}), and all of a tenant's on demand, in the background, with progress. A mismatch is
 * counted ({@code ratebook.rederivation.mismatches}), logged, and kept in {@code rederivation_mismatches}.
 */
@Service
public class SelfCheck {

    private static final Logger log = LoggerFactory.getLogger(SelfCheck.class);
    public static final int DAILY_SAMPLE = 20;

    /** A tenant-wide re-derivation: how far it got and how many documents differed. */
    public record Progress(UUID id, TenantId tenant, int total, int done, int mismatches, String state,
                           Instant startedAt, String problem) {
        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** One recorded mismatch. */
    public record Mismatch(long id, String documentId, String kind, String number, LocalDate date,
                           Integer packVersion, List<Rederivation.Difference> differences, String foundBy,
                           Instant foundAt) {
    }

    private final DocumentRederivation rederivation;
    private final EventHistory history;
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectMapper json = AxonConfiguration.eventMapper();
    private final Map<TenantId, Progress> jobs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rederivation");
        t.setDaemon(true);
        return t;
    });

    public SelfCheck(DocumentRederivation rederivation, EventHistory history, JdbcTemplate jdbc, TenantScope tenantScope,
                     Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.rederivation = rederivation;
        this.history = history;
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** Re-derives the tenant's {@code sample} most recent invoices now; returns how many documents differed. */
    public int checkRecent(TenantId tenant, int sample) {
        List<String> ids = history.invoiceIds(tenant);
        int mismatches = 0;
        for (String id : ids.subList(Math.max(0, ids.size() - sample), ids.size())) {
            mismatches += check(tenant, UUID.fromString(id), "daily sample");
        }
        return mismatches;
    }

    /** Starts re-deriving all of the tenant's invoices in the background, unless that is already running. */
    public synchronized Progress startAll(TenantId tenant, String by) {
        Progress current = jobs.get(tenant);
        if (current != null && current.running()) {
            return current;
        }
        List<String> ids = history.invoiceIds(tenant);
        Progress started = new Progress(UUID.randomUUID(), tenant, ids.size(), 0, 0, "RUNNING", clock.instant(), null);
        jobs.put(tenant, started);
        background.submit(() -> {
            AtomicInteger done = new AtomicInteger();
            AtomicInteger mismatches = new AtomicInteger();
            try {
                for (String id : ids) {
                    mismatches.addAndGet(check(tenant, UUID.fromString(id), "all invoices, asked by " + by));
                    jobs.put(tenant, new Progress(started.id(), tenant, ids.size(), done.incrementAndGet(),
                            mismatches.get(), "RUNNING", started.startedAt(), null));
                }
                jobs.put(tenant, new Progress(started.id(), tenant, ids.size(), done.get(), mismatches.get(), "DONE",
                        started.startedAt(), null));
            } catch (RuntimeException e) {
                log.error("Re-deriving the invoices of {} failed", tenant, e);
                jobs.put(tenant, new Progress(started.id(), tenant, ids.size(), done.get(), mismatches.get(), "FAILED",
                        started.startedAt(), e.getMessage()));
            }
        });
        return started;
    }

    public Optional<Progress> progress(TenantId tenant) {
        return Optional.ofNullable(jobs.get(tenant));
    }

    public List<Mismatch> mismatches(TenantId tenant, int limit) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT id, document_id, kind, number, document_date, pack_version, differences::text AS d, found_by,
                       found_at
                  FROM rederivation_mismatches WHERE tenant_id = ? ORDER BY found_at DESC, id DESC LIMIT ?""",
                (rs, n) -> new Mismatch(rs.getLong("id"), rs.getString("document_id"), rs.getString("kind"),
                        rs.getString("number"), rs.getDate("document_date") == null ? null
                        : rs.getDate("document_date").toLocalDate(), (Integer) rs.getObject("pack_version"),
                        differences(rs.getString("d")), rs.getString("found_by"), rs.getTimestamp("found_at").toInstant()),
                tenant.value(), Math.max(1, Math.min(limit, 1000))));
    }

    /** Re-derives one invoice and its credit notes; records each that differs. */
    int check(TenantId tenant, UUID invoiceId, String foundBy) {
        int mismatches = 0;
        for (Rederivation r : rederivation.invoice(tenant, invoiceId)) {
            if (r.identical()) {
                continue;
            }
            mismatches++;
            meters.counter("ratebook.rederivation.mismatches", "tenant", tenant.value(), "kind", r.kind()).increment();
            log.warn("Re-derivation of {} {} ({}) of tenant {} differs: {}", r.kind(), r.number(), r.documentId(),
                    tenant, r.differences());
            tenantScope.run(tenant, () -> jdbc.update("""
                    INSERT INTO rederivation_mismatches (tenant_id, document_id, kind, number, document_date,
                                                         pack_version, differences, found_by, found_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                    tenant.value(), r.documentId(), r.kind(), r.number(), r.date() == null ? null : Date.valueOf(r.date()),
                    r.packVersion(), write(r.differences()), foundBy, Timestamp.from(clock.instant())));
        }
        meters.counter("ratebook.rederivation.documents", "tenant", tenant.value()).increment();
        return mismatches;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Rederivation.Difference> differences(String text) {
        try {
            return List.of(json.readValue(text, Rederivation.Difference[].class));
        } catch (JsonProcessingException e) {
            return List.of(new Rederivation.Difference("record", "differences", text, "unreadable"));
        }
    }
}
