package org.ratebook.console.audit;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction (a command's entry commits
 * with its events); {@link #recordSeparately} commits on its own (a refused command, whose transaction rolls
 * back, is still recorded). Reads are bound to the tenant, so Row-Level Security keeps tenants apart.
 */
@Component
public class AuditLog {

    /** What the audit log records besides commands (whose action is the command's name). */
    public static final String LOGIN = "LoginSucceeded";
    public static final String LOGIN_FAILED = "LoginFailed";
    public static final String OK = "OK";
    public static final String REFUSED = "REFUSED";

    public static final int MAX_PAGE = 500;
    public static final int MAX_EXPORT = 100_000;
    private static final int MAX_TEXT = 1000;

    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;
    private final TransactionTemplate separate;

    public AuditLog(JdbcTemplate jdbc, TenantScope scope, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records what the current caller did to {@code target}, in the current transaction if there is one. */
    public void record(TenantId tenant, Actor actor, String action, String target, String outcome, String detail) {
        if (tenant == null) {
            // a command that does not name its tenant (e.g. a rule-pack import) inside a transaction bound to one:
            // the entry belongs to that tenant (and the row-level policy would refuse it without)
            tenant = scope.boundTenant().orElse(null);
        }
        jdbc.update("""
                INSERT INTO audit_log (tenant_id, occurred_at, actor, actor_kind, client_address, action, target,
                                       outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                tenant == null ? null : tenant.value(), Timestamp.from(clock.instant()), cut(actor.name()),
                actor.kind(), cut(actor.clientAddress()), cut(action), cut(target), outcome, cut(detail));
    }

    /** A configuration change by the current caller (billing settings, users, keys, branding). */
    public void recordChange(TenantId tenant, String action, String target, String detail) {
        record(tenant, Actor.current(), action, target, OK, detail);
    }

    /** Records in a transaction of its own, which commits even if the caller's rolls back. */
    public void recordSeparately(TenantId tenant, Actor actor, String action, String target, String outcome,
                                 String detail) {
        separate.executeWithoutResult(s -> record(tenant, actor, action, target, outcome, detail));
    }

    /** What to look for; every field optional. {@code before}: the entry id to continue below (keyset). */
    public record Filter(String actor, String action, String target, Instant from, Instant to, Long before) {
    }

    /** A page of entries, newest first, and the {@code before} cursor of the next page (null after the last). */
    public record Page(List<AuditEntry> entries, Long nextBefore) {
    }

    public Page search(TenantId tenant, Filter filter, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<AuditEntry> rows = new ArrayList<>();
        scope.run(tenant, () -> query(tenant, filter, size + 1, rows::add));
        Long next = rows.size() > size ? rows.get(size - 1).entryId() : null;
        return new Page(List.copyOf(rows.subList(0, Math.min(size, rows.size()))), next);
    }

    /** Every matching entry up to {@link #MAX_EXPORT}, newest first, streamed to {@code sink}. */
    public void export(TenantId tenant, Filter filter, Consumer<AuditEntry> sink) {
        scope.run(tenant, () -> query(tenant, filter, MAX_EXPORT, sink));
    }

    /** Offset paging for the console grid (an auditor scrolls; the API pages by keyset). */
    public List<AuditEntry> slice(TenantId tenant, Filter filter, int offset, int limit) {
        List<AuditEntry> rows = new ArrayList<>();
        scope.run(tenant, () -> query(tenant, filter, Math.min(limit, MAX_PAGE), offset, rows::add));
        return rows;
    }

    public int count(TenantId tenant, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM audit_log WHERE tenant_id = ?");
        List<Object> args = where(tenant, filter, sql);
        return scope.call(tenant, () -> jdbc.queryForObject(sql.toString(), Integer.class, args.toArray()));
    }

    private void query(TenantId tenant, Filter filter, int limit, Consumer<AuditEntry> sink) {
        query(tenant, filter, limit, 0, sink);
    }

    private void query(TenantId tenant, Filter filter, int limit, int offset, Consumer<AuditEntry> sink) {
        StringBuilder sql = new StringBuilder("""
                SELECT entry_id, tenant_id, occurred_at, actor, actor_kind, client_address, action, target, outcome,
                       detail
                FROM audit_log WHERE tenant_id = ?""");
        List<Object> args = where(tenant, filter, sql);
        sql.append(" ORDER BY entry_id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(Math.max(0, offset));
        jdbc.query(sql.toString(), rs -> {
            sink.accept(ENTRY.mapRow(rs, 0));
        }, args.toArray());
    }

    private static List<Object> where(TenantId tenant, Filter filter, StringBuilder sql) {
        List<Object> args = new ArrayList<>();
        args.add(tenant.value());
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" AND actor ILIKE ? ESCAPE '\\'");
            args.add("%" + like(filter.actor().strip()) + "%");
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" AND action ILIKE ? ESCAPE '\\'");
            args.add("%" + like(filter.action().strip()) + "%");
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            sql.append(" AND target = ?");
            args.add(filter.target().strip());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.before() != null) {
            sql.append(" AND entry_id < ?");
            args.add(filter.before());
        }
        return args;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\0', ' ');
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT);
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2),
            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10));
}
