package org.ratebook.engine.metrics;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Metrics of one tenant as of a day (the tenant's today). Money is per currency, never summed across currencies.
 *
 * <p>MRR: each RECURRING line of a finalized or paid invoice counts, in every month whose 15th it covers, at its
 * monthly rate: its amount divided by its months when it covers whole months (a quarter: a third), else its amount
 * per day × 365.25/12 (a prorated part). REPAIR lines (unused time given back after a change) count the same way,
 * negative, so a change in the middle of a period moves MRR from the old plan to the new one. An account's MRR movement from one month to the next is
 * <em>new</em> (none before, ever), <em>reactivation</em> (none last month, some earlier), <em>expansion</em>,
 * <em>contraction</em> or <em>churn</em> (none now).
 */
@Component
public class FinanceMetrics {

    private static final BigDecimal MONTH_DAYS = new BigDecimal("30.4375");

    public record MrrMonth(YearMonth month, String currency, BigDecimal mrr, BigDecimal newMrr, BigDecimal expansion,
                           BigDecimal contraction, BigDecimal churn, BigDecimal reactivation, int accounts) {
    }

    public record Revenue(String key, String label, String currency, BigDecimal net, int invoices) {
    }

    public record AgeBucket(String bucket, String currency, BigDecimal amount, int invoices) {
    }

    public record Overdue(UUID accountId, String name, String currency, BigDecimal overdue, LocalDate oldestDue,
                          int daysPastDue, String dunningState) {
    }

    /** Everything the dashboard shows, as of one day. */
    public record Dashboard(List<MrrMonth> mrr, List<Revenue> revenueByCustomer, List<Revenue> revenueByProduct,
                            List<AgeBucket> receivables, List<Overdue> overdueAccounts) {
    }

    public static final List<String> BUCKETS = List.of("not due", "1–30 days", "31–60 days", "61–90 days",
            "over 90 days");

    private final JdbcTemplate jdbc;
    private final TenantScope scope;

    public FinanceMetrics(JdbcTemplate jdbc, TenantScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * The dashboard's reads for {@code today}: MRR for 12 months, revenue by customer and by product for the last 12
     * months (top 10), receivables by age and the 20 most overdue accounts. MRR, the longest read, runs on its own
     * thread and connection beside the other four, so the page waits for the longest read rather than for the sum
     * (each read is one query in its own transaction; there is nothing to keep consistent between them).
     */
    public Dashboard dashboard(TenantId tenant, LocalDate today) {
        try (ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<MrrMonth>> mrr = beside.submit(() -> mrr(tenant, today, 12));
            List<Revenue> byCustomer = revenueByCustomer(tenant, today.minusMonths(12), 10);
            List<Revenue> byProduct = revenueByProduct(tenant, today.minusMonths(12), 10);
            List<AgeBucket> receivables = receivables(tenant, today);
            List<Overdue> overdue = overdueAccounts(tenant, today, 20);
            return new Dashboard(mrr.get(), byCustomer, byProduct, receivables, overdue);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the dashboard", e);
        }
    }

    /** MRR and its movement for the {@code months} months up to the one of {@code today}, oldest first. */
    public List<MrrMonth> mrr(TenantId tenant, LocalDate today, int months) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(months); // one more month: the movement into the first month shown
        record Point(YearMonth month, UUID account, String currency, BigDecimal mrr) {
        }
        // each line is spread over the months whose 15th it covers (one for a monthly line, twelve for a year), so the
        // rows joined grow with the lines, not with lines × months shown. A line outside the months shown, or with no
        // days, gets no month. No filter on the periods beside that: PostgreSQL multiplies the guesses of such filters
        // into a few hundred lines where there are 100,000 and then looks each invoice up one by one (0.5 s)
        // instead of hashing them. One row per line and month, summed per account below: nearly every account has one
        // line a month, so grouping in PostgreSQL (a hash of 100,000 groups, 0.2–0.3 s) saved no rows
        List<Point> points = report(tenant, () -> jdbc.query("""
                SELECT m.m, i.account_id, i.currency,
                       CASE WHEN mo.n > 0 AND (l.period_from + make_interval(months => mo.n))::date = l.period_to
                            THEN l.amount / mo.n
                            ELSE l.amount * ? / (l.period_to - l.period_from) END AS mrr
                FROM invoice_lines l
                JOIN invoices i ON i.tenant_id = l.tenant_id AND i.invoice_id = l.invoice_id
                               AND i.status IN ('FINALIZED', 'PAID')
                CROSS JOIN LATERAL (SELECT s::date AS m FROM generate_series(
                        greatest(date_trunc('month', (l.period_from - 14)::timestamp), ?::timestamp),
                        least((l.period_to - 15)::timestamp, ?::timestamp), interval '1 month') s) m
                CROSS JOIN LATERAL (SELECT (extract(year FROM age(l.period_to, l.period_from)) * 12
                                            + extract(month FROM age(l.period_to, l.period_from)))::int AS n) mo
                WHERE l.tenant_id = ? AND l.item_type IN ('RECURRING', 'REPAIR')
                  AND m.m + 14 >= l.period_from AND m.m + 14 < l.period_to""",
                (rs, n) -> new Point(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getObject(2, UUID.class),
                        rs.getString(3).trim(), rs.getBigDecimal(4)),
                MONTH_DAYS, java.sql.Date.valueOf(first.atDay(1)), java.sql.Date.valueOf(last.atDay(1)),
                tenant.value()));
        // an account with MRR before the window shown counts as reactivated, not new, when it comes back
        Set<String> everBefore = new HashSet<>(report(tenant, () -> jdbc.queryForList("""
                SELECT DISTINCT i.account_id::text || '|' || i.currency FROM invoice_lines l
                JOIN invoices i ON i.tenant_id = l.tenant_id AND i.invoice_id = l.invoice_id
                WHERE l.tenant_id = ? AND l.item_type = 'RECURRING' AND i.status IN ('FINALIZED', 'PAID')
                  AND l.period_from < ?""", String.class, tenant.value(), java.sql.Date.valueOf(first.atDay(1)))));

        Map<String, Map<YearMonth, Map<UUID, BigDecimal>>> byCurrency = new TreeMap<>();
        for (Point p : points) {
            byCurrency.computeIfAbsent(p.currency(), c -> new HashMap<>())
                    .computeIfAbsent(p.month(), m -> new HashMap<>()).merge(p.account(), p.mrr(), BigDecimal::add);
        }
        // what was given back in full (a cancellation at once) leaves nothing: the account has no MRR that month
        byCurrency.values().forEach(perMonth -> perMonth.values()
                .forEach(accounts -> accounts.values().removeIf(v -> v.compareTo(new BigDecimal("0.005")) < 0)));
        List<MrrMonth> result = new ArrayList<>();
        for (var entry : byCurrency.entrySet()) {
            String currency = entry.getKey();
            int scale = Currency.getInstance(currency).getDefaultFractionDigits();
            Set<UUID> seen = new HashSet<>();
            everBefore.stream().filter(k -> k.endsWith("|" + currency))
                    .forEach(k -> seen.add(UUID.fromString(k.substring(0, k.indexOf('|')))));
            Map<UUID, BigDecimal> previous = entry.getValue().getOrDefault(first, Map.of());
            seen.addAll(previous.keySet());
            for (YearMonth month = first.plusMonths(1); !month.isAfter(last); month = month.plusMonths(1)) {
                Map<UUID, BigDecimal> now = entry.getValue().getOrDefault(month, Map.of());
                BigDecimal total = BigDecimal.ZERO, fresh = BigDecimal.ZERO, up = BigDecimal.ZERO,
                        down = BigDecimal.ZERO, churn = BigDecimal.ZERO, back = BigDecimal.ZERO;
                for (var a : now.entrySet()) {
                    BigDecimal before = previous.get(a.getKey());
                    total = total.add(a.getValue());
                    if (before == null) {
                        if (seen.contains(a.getKey())) {
                            back = back.add(a.getValue());
                        } else {
                            fresh = fresh.add(a.getValue());
                        }
                    } else {
                        int cmp = a.getValue().compareTo(before);
                        if (cmp > 0) {
                            up = up.add(a.getValue().subtract(before));
                        } else if (cmp < 0) {
                            down = down.add(before.subtract(a.getValue()));
                        }
                    }
                }
                for (var b : previous.entrySet()) {
                    if (!now.containsKey(b.getKey())) {
                        churn = churn.add(b.getValue());
                    }
                }
                seen.addAll(now.keySet());
                result.add(new MrrMonth(month, currency, round(total, scale), round(fresh, scale), round(up, scale),
                        round(down, scale), round(churn, scale), round(back, scale), now.size()));
                previous = now;
            }
        }
        return result;
    }

    /** Net revenue (before tax) invoiced since {@code from}, by customer, largest first. */
    public List<Revenue> revenueByCustomer(TenantId tenant, LocalDate from, int limit) {
        return report(tenant, () -> jdbc.query("""
                SELECT account_id::text, max(buyer ->> 'name'), currency, sum(subtotal), count(*)
                FROM invoices WHERE tenant_id = ? AND status IN ('FINALIZED', 'PAID') AND invoice_date >= ?
                GROUP BY account_id, currency ORDER BY sum(subtotal) DESC LIMIT ?""",
                (rs, n) -> revenue(rs), tenant.value(), java.sql.Date.valueOf(from), limit));
    }

    /** Net revenue invoiced since {@code from}, by plan (usage by meter, one-off charges together), largest first. */
    public List<Revenue> revenueByProduct(TenantId tenant, LocalDate from, int limit) {
        return report(tenant, () -> jdbc.query("""
                SELECT coalesce(s.plan, l.meter, initcap(replace(l.item_type, '_', ' '))) AS product,
                       coalesce(s.plan, l.meter, initcap(replace(l.item_type, '_', ' '))),
                       i.currency, sum(l.amount), count(DISTINCT i.invoice_id)
                FROM invoice_lines l
                JOIN invoices i ON i.tenant_id = l.tenant_id AND i.invoice_id = l.invoice_id
                LEFT JOIN subscriptions s ON s.tenant_id = l.tenant_id AND s.subscription_id = l.subscription_id
                WHERE l.tenant_id = ? AND i.status IN ('FINALIZED', 'PAID') AND i.invoice_date >= ?
                  AND l.item_type <> 'CREDIT'
                GROUP BY 1, 2, 3 ORDER BY sum(l.amount) DESC LIMIT ?""",
                (rs, n) -> revenue(rs), tenant.value(), java.sql.Date.valueOf(from), limit));
    }

    /** What open invoices still ask for, by how long past due they are on {@code today}. */
    public List<AgeBucket> receivables(TenantId tenant, LocalDate today) {
        List<AgeBucket> rows = report(tenant, () -> jdbc.query("""
                SELECT CASE WHEN d <= 0 THEN 0 WHEN d <= 30 THEN 1 WHEN d <= 60 THEN 2 WHEN d <= 90 THEN 3 ELSE 4 END,
                       currency, sum(due), count(*)
                FROM (SELECT ?::date - coalesce(due_date, invoice_date) AS d, currency,
                             total - amount_paid - amount_credited AS due
                      FROM invoices WHERE tenant_id = ? AND status = 'FINALIZED') o
                WHERE due > 0 GROUP BY 1, 2 ORDER BY 2, 1""",
                (rs, n) -> new AgeBucket(BUCKETS.get(rs.getInt(1)), rs.getString(2).trim(),
                        scaled(rs.getBigDecimal(3), rs.getString(2).trim()), rs.getInt(4)),
                java.sql.Date.valueOf(today), tenant.value()));
        // every bucket of every currency shown, empty ones as zero, in age order
        Map<String, Map<String, AgeBucket>> byCurrency = new TreeMap<>();
        rows.forEach(r -> byCurrency.computeIfAbsent(r.currency(), c -> new HashMap<>()).put(r.bucket(), r));
        List<AgeBucket> all = new ArrayList<>();
        byCurrency.forEach((currency, buckets) -> BUCKETS.forEach(b -> all.add(buckets.getOrDefault(b,
                new AgeBucket(b, currency, scaled(BigDecimal.ZERO, currency), 0)))));
        return all;
    }

    /** Accounts with invoices past due on {@code today}, most overdue first. */
    public List<Overdue> overdueAccounts(TenantId tenant, LocalDate today, int limit) {
        return report(tenant, () -> jdbc.query("""
                SELECT i.account_id, a.name, i.currency, sum(i.total - i.amount_paid - i.amount_credited),
                       min(i.due_date), coalesce(max(st.state), 'GOOD')
                FROM invoices i
                JOIN accounts a ON a.tenant_id = i.tenant_id AND a.account_id = i.account_id
                LEFT JOIN account_standings st ON st.tenant_id = i.tenant_id AND st.account_id = i.account_id
                WHERE i.tenant_id = ? AND i.status = 'FINALIZED' AND i.due_date < ?
                  AND i.total - i.amount_paid - i.amount_credited > 0
                GROUP BY i.account_id, a.name, i.currency
                ORDER BY min(i.due_date), sum(i.total - i.amount_paid - i.amount_credited) DESC LIMIT ?""",
                (rs, n) -> {
                    LocalDate oldest = rs.getDate(5).toLocalDate();
                    String currency = rs.getString(3).trim();
                    return new Overdue(rs.getObject(1, UUID.class), rs.getString(2), currency,
                            scaled(rs.getBigDecimal(4), currency), oldest,
                            (int) java.time.temporal.ChronoUnit.DAYS.between(oldest, today), rs.getString(6));
                }, tenant.value(), java.sql.Date.valueOf(today), limit));
    }

    /**
     * Runs one of the dashboard's reads in a transaction bound to the tenant, without PostgreSQL's JIT compiler. The
     * planner guesses millions of rows for these month-by-line reads (a set-returning function counts as 1,000 rows)
     * and then spends longer compiling the query than running it: at 100,000 invoice lines the MRR read took
     * 1.78 s with JIT, 0.6 s of it compiling, and 0.59 s without (issue 15, docs/benchmarks.md).
     */
    private <T> T report(TenantId tenant, Supplier<T> work) {
        return scope.call(tenant, () -> {
            jdbc.execute("SET LOCAL jit = off");
            return work.get();
        });
    }

    private static Revenue revenue(java.sql.ResultSet rs) throws java.sql.SQLException {
        String currency = rs.getString(3).trim();
        return new Revenue(rs.getString(1), rs.getString(2), currency, scaled(rs.getBigDecimal(4), currency),
                rs.getInt(5));
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal amount, int scale) {
        return amount.round(MathContext.DECIMAL64).setScale(scale, RoundingMode.HALF_UP);
    }
}
