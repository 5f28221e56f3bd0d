package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OPERATOR-LEVEL: every query here crosses tenants (lists all tenants with their counts, creates tenants,
 * suspends and reactivates them, reads a tenant's status and parent). This is the one class of the tenants module
 * that does so, so it can be wired to the operator's database scope in one place (issue 10, walls); nothing here
 * runs in {@link TenantScope}. Callers check that the caller is the operator, or the parent tenant's admin for
 * its own sub-tenants.
 */
@Component
public class TenantAdministration {

    public enum Status { ACTIVE, SUSPENDED }

    private final JdbcTemplate jdbc;
    private final TenantRegistry registry;
    private final ConsoleUsers users;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public TenantAdministration(JdbcTemplate jdbc, TenantRegistry registry, ConsoleUsers users, Clock clock,
                                PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.users = users;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One row of the operator's list of tenants. */
    public record TenantSummary(TenantId id, String name, Status status, boolean sandbox, Instant testClock,
                                TenantId parent, Instant createdAt, long users, long apiKeys, long accounts,
                                long invoices) {
    }

    /**
     * A new tenant and its first admin. {@code clockStart}: null for a live tenant, else a sandbox whose test clock
     * starts there. {@code parent}: the reseller that owns it, or null. The admin's password arrives hashed.
     */
    public record NewTenant(Tenant tenant, Instant clockStart, TenantId parent, String adminUsername,
                            String adminPasswordHash) {
    }

    public void create(NewTenant request) {
        TenantId id = request.tenant().id();
        if (registry.find(id).isPresent()) {
            throw new Taken("a tenant '" + id + "' exists already");
        }
        if (request.parent() != null && registry.find(request.parent()).isEmpty()) {
            throw new IllegalArgumentException("no parent tenant '" + request.parent() + "'");
        }
        if (users.taken(request.adminUsername())) {
            throw new Taken("the username '" + request.adminUsername() + "' is taken");
        }
        transactions.executeWithoutResult(status -> {
            if (request.clockStart() == null) {
                registry.create(request.tenant());
            } else {
                registry.createSandbox(request.tenant(), request.clockStart());
            }
            if (request.parent() != null) {
                jdbc.update("UPDATE tenants SET parent_tenant_id = ? WHERE tenant_id = ?", request.parent().value(),
                        id.value());
            }
            users.create(new ConsoleUser(id, request.adminUsername(), request.adminPasswordHash(),
                    Set.of(Role.TENANT_ADMIN), true));
        });
    }

    /** Every tenant, or with {@code parent} only that tenant's sub-tenants, with counts. */
    public List<TenantSummary> list(TenantId parent) {
        return jdbc.query("""
                SELECT t.tenant_id, t.name, t.status, t.sandbox, t.test_clock, t.parent_tenant_id, t.created_at,
                       (SELECT count(*) FROM console_users u WHERE u.tenant_id = t.tenant_id),
                       (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.tenant_id AND k.revoked_at IS NULL),
                       (SELECT count(*) FROM accounts a WHERE a.tenant_id = t.tenant_id),
                       (SELECT count(*) FROM invoices i WHERE i.tenant_id = t.tenant_id)
                FROM tenants t WHERE (?::text IS NULL OR t.parent_tenant_id = ?) ORDER BY t.tenant_id""",
                (rs, n) -> new TenantSummary(TenantId.of(rs.getString(1)), rs.getString(2),
                        Status.valueOf(rs.getString(3)), rs.getBoolean(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6) == null ? null : TenantId.of(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)),
                parent == null ? null : parent.value(), parent == null ? null : parent.value());
    }

    public Optional<TenantSummary> summary(TenantId id) {
        return list(null).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The tenant's status; empty for an unknown tenant. */
    public Optional<Status> status(TenantId id) {
        return jdbc.queryForList("SELECT status FROM tenants WHERE tenant_id = ?", String.class, id.value()).stream()
                .findFirst().map(Status::valueOf);
    }

    /** The reseller that owns {@code id}, if any. */
    public Optional<TenantId> parent(TenantId id) {
        return jdbc.queryForList("SELECT parent_tenant_id FROM tenants WHERE tenant_id = ? AND parent_tenant_id IS NOT NULL",
                String.class, id.value()).stream().findFirst().map(TenantId::of);
    }

    /** Suspends or reactivates a tenant; its data is kept. False for an unknown tenant. */
    public boolean setStatus(TenantId id, Status status) {
        return jdbc.update("UPDATE tenants SET status = ? WHERE tenant_id = ?", status.name(), id.value()) == 1;
    }

    /** When this was asked (for messages); from the injected clock. */
    public Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
