package org.ratebook.engine.listing;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A tenant's accounts by name, with their dunning state and what they owe: open invoices less credit, in the
 * account's currency (the same figures as {@code InvoiceQueries.balance}).
 */
@Component
public class AccountListing {

    /** What a list of accounts may be narrowed by; null or blank: not narrowed. */
    public record Filter(String search, String name, String email, String taxId, String status,
                         BigDecimal minBalance) {
        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        public Filter {
            search = blankToNull(search);
            name = blankToNull(name);
            email = blankToNull(email);
            taxId = blankToNull(taxId);
            status = blankToNull(status) == null ? null : status.trim().toUpperCase(Locale.ROOT);
        }
    }

    public record Row(UUID accountId, String name, String email, String taxId, String currency, String country,
                      String status, BigDecimal openInvoices, BigDecimal credit) {
        /** Positive: the customer owes; negative: the tenant owes. */
        public BigDecimal balance() {
            return openInvoices.subtract(credit);
        }
    }

    public static final List<String> STATES = List.of("GOOD", "REMINDED", "WARNED", "SUSPENDED", "TERMINATED");

    private static final String FROM = """
            FROM accounts a
            LEFT JOIN account_standings s ON s.tenant_id = a.tenant_id AND s.account_id = a.account_id
            LEFT JOIN account_credits c ON c.tenant_id = a.tenant_id AND c.account_id = a.account_id
                                       AND c.currency = a.currency
            CROSS JOIN LATERAL (SELECT coalesce(sum(i.total - i.amount_paid - i.amount_credited), 0) AS open
                                FROM invoices i
                                WHERE i.tenant_id = a.tenant_id AND i.account_id = a.account_id
                                  AND i.currency = a.currency AND i.status NOT IN ('VOID', 'DRAFT', 'DISCARDED')) b
            """;

    private final JdbcTemplate jdbc;
    private final TenantScope scope;

    public AccountListing(JdbcTemplate jdbc, TenantScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** A page of at most {@code limit} accounts after {@code after} (null: the first page), by name. */
    public Page<Row> page(TenantId tenant, Filter filter, Cursor after, int limit) {
        return page(tenant, filter, after, 0, limit);
    }

    /** As {@link #page}, skipping {@code skip} rows after the cursor (the console's grid jumps while scrolling). */
    public Page<Row> page(TenantId tenant, Filter filter, Cursor after, int skip, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(tenant, filter, args);
        if (after != null) {
            where.append(" AND (lower(a.name), a.account_id) > (?, ?)");
            args.add(after.key(0));
            args.add(UUID.fromString(after.key(1)));
        }
        args.add(limit + 1);
        args.add(skip);
        List<Row> rows = scope.call(tenant, () -> jdbc.query("""
                SELECT a.account_id, a.name, a.email, a.tax_id, a.currency, a.country, coalesce(s.state, 'GOOD') AS state,
                       b.open, coalesce(c.credit, 0) AS credit
                """ + FROM + where + " ORDER BY lower(a.name), a.account_id LIMIT ? OFFSET ?",
                (rs, n) -> row(rs), args.toArray()));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        Row last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit),
                Cursor.of(last.name().toLowerCase(Locale.ROOT), last.accountId().toString()));
    }

    /** How many accounts match. */
    public long count(TenantId tenant, Filter filter) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(tenant, filter, args);
        boolean needsJoins = filter.status() != null || filter.minBalance() != null;
        String from = needsJoins ? FROM : "FROM accounts a ";
        return scope.call(tenant, () -> jdbc.queryForObject("SELECT count(*) " + from + where, Long.class,
                args.toArray()));
    }

    /** The accounts whose parent is {@code parent}, by name. */
    public List<Row> children(TenantId tenant, UUID parent) {
        return scope.call(tenant, () -> jdbc.query("""
                SELECT a.account_id, a.name, a.email, a.tax_id, a.currency, a.country, coalesce(s.state, 'GOOD') AS state,
                       b.open, coalesce(c.credit, 0) AS credit
                """ + FROM + """
                JOIN account_parents p ON p.tenant_id = a.tenant_id AND p.account_id = a.account_id
                WHERE a.tenant_id = ? AND p.parent_account_id = ? ORDER BY lower(a.name), a.account_id LIMIT 500""",
                (rs, n) -> row(rs), tenant.value(), parent));
    }

    private static StringBuilder where(TenantId tenant, Filter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE a.tenant_id = ?");
        args.add(tenant.value());
        if (f.search() != null) {
            String q = f.search().trim().toLowerCase(Locale.ROOT);
            where.append(" AND (lower(a.name) LIKE ? OR lower(a.email) LIKE ? OR lower(a.tax_id) LIKE ?)");
            args.add("%" + like(q) + "%");
            args.add(like(q) + "%");
            args.add(like(q) + "%");
        }
        if (f.name() != null) {
            where.append(" AND lower(a.name) LIKE ?");
            args.add(like(f.name().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.email() != null) {
            where.append(" AND lower(a.email) LIKE ?");
            args.add(like(f.email().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.taxId() != null) {
            where.append(" AND lower(a.tax_id) LIKE ?");
            args.add(like(f.taxId().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.status() != null) {
            if (!STATES.contains(f.status())) {
                throw new IllegalArgumentException("status '" + f.status() + "' is none of " + STATES);
            }
            // an account in good standing may have no standing row; every other state has one, and saying so lets
            // PostgreSQL start from the few accounts in that state (the standings' state index) instead of walking
            // every account by name until a page of them is found (208 ms at 100,000 accounts, issue 15)
            where.append("GOOD".equals(f.status()) ? " AND coalesce(s.state, 'GOOD') = ?" : " AND s.state = ?");
            args.add(f.status());
        }
        if (f.minBalance() != null) {
            where.append(" AND b.open - coalesce(c.credit, 0) >= ?");
            args.add(f.minBalance());
        }
        return where;
    }

    /** A LIKE pattern matching {@code text} literally. */
    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").trim();
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return new Row(rs.getObject("account_id", UUID.class), rs.getString("name"), rs.getString("email"),
                rs.getString("tax_id"), currency, rs.getString("country") == null ? null : rs.getString("country").trim(),
                rs.getString("state"), rs.getBigDecimal("open").setScale(scale, java.math.RoundingMode.UNNECESSARY),
                rs.getBigDecimal("credit").setScale(scale, java.math.RoundingMode.UNNECESSARY));
    }
}
