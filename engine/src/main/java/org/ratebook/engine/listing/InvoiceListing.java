package org.ratebook.engine.listing;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A tenant's invoices, newest first, with what each still asks for. */
@Component
public class InvoiceListing {

    public static final List<String> STATUSES = List.of("DRAFT", "FINALIZED", "PAID", "VOID", "DISCARDED");

    /** What a list of invoices may be narrowed by; null or blank: not narrowed. Dates and amounts inclusive. */
    public record Filter(String search, String number, UUID accountId, String status, LocalDate from, LocalDate to,
                         BigDecimal minTotal, BigDecimal maxTotal) {
        public static final Filter NONE = new Filter(null, null, null, null, null, null, null, null);

        public Filter {
            search = search == null || search.isBlank() ? null : search.trim();
            number = number == null || number.isBlank() ? null : number.trim();
            status = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
            if (status != null && !STATUSES.contains(status)) {
                throw new IllegalArgumentException("status '" + status + "' is none of " + STATUSES);
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from " + from + " is after to " + to);
            }
            if (minTotal != null && maxTotal != null && minTotal.compareTo(maxTotal) > 0) {
                throw new IllegalArgumentException("minTotal " + minTotal + " is above maxTotal " + maxTotal);
            }
        }

        public static Filter ofAccount(UUID accountId) {
            return new Filter(null, null, accountId, null, null, null, null, null);
        }
    }

    public record Row(UUID invoiceId, String number, UUID accountId, String customer, LocalDate invoiceDate,
                      LocalDate dueDate, String status, String currency, BigDecimal total, BigDecimal amountPaid,
                      BigDecimal amountCredited) {
        /** What the invoice still asks for (nothing while a draft or once void). */
        public BigDecimal amountDue() {
            return switch (status) {
                case "VOID", "DRAFT", "DISCARDED" -> BigDecimal.ZERO.setScale(total.scale());
                default -> total.subtract(amountPaid).subtract(amountCredited);
            };
        }
    }

    private final JdbcTemplate jdbc;
    private final TenantScope scope;

    public InvoiceListing(JdbcTemplate jdbc, TenantScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public Page<Row> page(TenantId tenant, Filter filter, Cursor after, int limit) {
        return page(tenant, filter, after, 0, limit);
    }

    public Page<Row> page(TenantId tenant, Filter filter, Cursor after, int skip, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(tenant, filter, args);
        if (after != null) {
            where.append(" AND (i.invoice_date, i.invoice_id) < (?, ?)");
            args.add(java.sql.Date.valueOf(LocalDate.parse(after.key(0))));
            args.add(UUID.fromString(after.key(1)));
        }
        args.add(limit + 1);
        args.add(skip);
        List<Row> rows = scope.call(tenant, () -> jdbc.query("""
                SELECT i.invoice_id, i.number, i.account_id, i.buyer ->> 'name' AS customer, i.invoice_date,
                       i.due_date, i.status, i.currency, i.total, i.amount_paid, i.amount_credited
                FROM invoices i""" + where + " ORDER BY i.invoice_date DESC, i.invoice_id DESC LIMIT ? OFFSET ?",
                (rs, n) -> row(rs), args.toArray()));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        Row last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), Cursor.of(last.invoiceDate().toString(),
                last.invoiceId().toString()));
    }

    public long count(TenantId tenant, Filter filter) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(tenant, filter, args);
        return scope.call(tenant, () -> jdbc.queryForObject("SELECT count(*) FROM invoices i" + where, Long.class,
                args.toArray()));
    }

    private static StringBuilder where(TenantId tenant, Filter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE i.tenant_id = ?");
        args.add(tenant.value());
        if (f.search() != null) {
            where.append(" AND (i.number LIKE ? OR lower(i.buyer ->> 'name') LIKE ?)");
            args.add(AccountListing.like(f.search().toUpperCase(Locale.ROOT)) + "%");
            args.add("%" + AccountListing.like(f.search().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.number() != null) {
            where.append(" AND i.number LIKE ?");
            args.add(AccountListing.like(f.number().toUpperCase(Locale.ROOT)) + "%");
        }
        if (f.accountId() != null) {
            where.append(" AND i.account_id = ?");
            args.add(f.accountId());
        }
        if (f.status() != null) {
            where.append(" AND i.status = ?");
            args.add(f.status());
        }
        if (f.from() != null) {
            where.append(" AND i.invoice_date >= ?");
            args.add(java.sql.Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND i.invoice_date <= ?");
            args.add(java.sql.Date.valueOf(f.to()));
        }
        if (f.minTotal() != null) {
            where.append(" AND i.total >= ?");
            args.add(f.minTotal());
        }
        if (f.maxTotal() != null) {
            where.append(" AND i.total <= ?");
            args.add(f.maxTotal());
        }
        return where;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").trim();
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return new Row(rs.getObject("invoice_id", UUID.class), rs.getString("number"),
                rs.getObject("account_id", UUID.class), rs.getString("customer"),
                rs.getDate("invoice_date").toLocalDate(),
                rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(), rs.getString("status"),
                currency, rs.getBigDecimal("total").setScale(scale, RoundingMode.UNNECESSARY),
                rs.getBigDecimal("amount_paid").setScale(scale, RoundingMode.UNNECESSARY),
                rs.getBigDecimal("amount_credited").setScale(scale, RoundingMode.UNNECESSARY));
    }
}
