package org.ratebook.engine.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.dunning.AccountStandings;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.listing.AccountListing;
import org.ratebook.engine.listing.InvoiceListing;
import org.ratebook.engine.metrics.FinanceMetrics;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance team's pages at 100,000 accounts and 100,000 invoices in one tenant: server time of the first page of
 * each list and search, the account page's reads, and the dashboard's figures; p50 and p95 of 40 runs after 10 of
 * warm-up. Never part of the tests:
 * {@code ./mvnw -pl engine verify -Dtest=FinanceListsBenchmark -Dbench.finance=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Rows are written straight into the read models (as the projections would), on the embedded PostgreSQL.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@EnabledIfSystemProperty(named = "bench.finance", matches = "true")
class FinanceListsBenchmark {

    private static final int ROWS = 100_000;

    @Autowired JdbcTemplate jdbc;
    @Autowired TenantRegistry tenants;
    @Autowired TenantScope scope;
    @Autowired AccountListing accounts;
    @Autowired InvoiceListing invoices;
    @Autowired AccountDirectory directory;
    @Autowired InvoiceQueries invoiceQueries;
    @Autowired AccountStandings standings;
    @Autowired SubscriptionProjection subscriptions;
    @Autowired FinanceMetrics metrics;
    @Autowired io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Test
    void firstPagesAccountPageAndDashboardAt100000Rows() {
        TenantId tenant = TenantId.of("bench-" + UUID.randomUUID().toString().substring(0, 6));
        tenants.create(new Tenant(tenant, "Bench Hosting GmbH", List.of(), "DE1"));
        long seeded = System.nanoTime();
        seed(tenant);
        System.out.printf("seeded %,d accounts and %,d invoices in %.1f s%n", ROWS, ROWS,
                (System.nanoTime() - seeded) / 1e9);
        LocalDate today = LocalDate.of(2026, 12, 7);
        UUID someAccount = jdbc.queryForObject("SELECT account_id FROM accounts WHERE tenant_id = ? AND name = ?",
                UUID.class, tenant.value(), "Customer 054321 GmbH");

        List<String> report = new ArrayList<>();
        report.add(time("accounts: first page (by name)", () -> accounts.page(tenant, AccountListing.Filter.NONE,
                null, 50)));
        report.add(time("accounts: count (the grid's total)", () -> accounts.count(tenant, AccountListing.Filter.NONE)));
        report.add(time("accounts: search 'customer 0543' (part of the name)", () -> accounts.page(tenant,
                new AccountListing.Filter("customer 0543", null, null, null, null, null), null, 50)));
        report.add(time("accounts: search a rare word (full scan)", () -> accounts.page(tenant,
                new AccountListing.Filter("zzz-none", null, null, null, null, null), null, 50)));
        report.add(time("accounts: email prefix", () -> accounts.page(tenant,
                new AccountListing.Filter(null, null, "billing054", null, null, null), null, 50)));
        report.add(time("accounts: status SUSPENDED", () -> accounts.page(tenant,
                new AccountListing.Filter(null, null, null, null, "SUSPENDED", null), null, 50)));
        report.add(time("accounts: owing at least 100", () -> accounts.page(tenant,
                new AccountListing.Filter(null, null, null, null, null, new BigDecimal("100")), null, 50)));
        report.add(time("invoices: first page (newest)", () -> invoices.page(tenant, InvoiceListing.Filter.NONE,
                null, 50)));
        report.add(time("invoices: count", () -> invoices.count(tenant, InvoiceListing.Filter.NONE)));
        report.add(time("invoices: number prefix INV-0543", () -> invoices.page(tenant,
                new InvoiceListing.Filter(null, "INV-0543", null, null, null, null, null, null), null, 50)));
        report.add(time("invoices: search customer 'customer 0543'", () -> invoices.page(tenant,
                new InvoiceListing.Filter("customer 0543", null, null, null, null, null, null, null), null, 50)));
        report.add(time("invoices: status FINALIZED", () -> invoices.page(tenant,
                new InvoiceListing.Filter(null, null, null, "FINALIZED", null, null, null, null), null, 50)));
        report.add(time("invoices: one month", () -> invoices.page(tenant, new InvoiceListing.Filter(null, null,
                null, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), null, null), null, 50)));
        report.add(time("invoices: total over 1,000", () -> invoices.page(tenant, new InvoiceListing.Filter(null,
                null, null, null, null, null, new BigDecimal("1000"), null), null, 50)));
        report.add(time("account page: account, balance, dunning, subscriptions, invoices, children", () -> {
            directory.find(tenant, new AccountId(someAccount)).orElseThrow();
            invoiceQueries.balance(tenant, someAccount, "EUR");
            standings.of(tenant, new AccountId(someAccount));
            scope.call(tenant, () -> subscriptions.ofAccount(tenant, new AccountId(someAccount)));
            invoices.page(tenant, InvoiceListing.Filter.ofAccount(someAccount), null, 200);
            return accounts.children(tenant, someAccount);
        }));
        // the dashboard's parts one by one (fewer runs: a part took seconds before), then the whole page
        report.add(time("dashboard part: MRR and its movement, 12 months", 3, 10, () -> metrics.mrr(tenant, today, 12)));
        report.add(time("dashboard part: revenue by customer", 3, 10,
                () -> metrics.revenueByCustomer(tenant, today.minusMonths(12), 10)));
        report.add(time("dashboard part: revenue by product", 3, 10,
                () -> metrics.revenueByProduct(tenant, today.minusMonths(12), 10)));
        report.add(time("dashboard part: receivables by age", 3, 10, () -> metrics.receivables(tenant, today)));
        report.add(time("dashboard part: overdue accounts", 3, 10, () -> metrics.overdueAccounts(tenant, today, 20)));
        report.add(time("dashboard, the five reads one after the other", 3, 20, () -> {
            metrics.mrr(tenant, today, 12);
            metrics.revenueByCustomer(tenant, today.minusMonths(12), 10);
            metrics.revenueByProduct(tenant, today.minusMonths(12), 10);
            metrics.receivables(tenant, today);
            return metrics.overdueAccounts(tenant, today, 20);
        }));
        report.add(time("dashboard, as the page reads it (MRR beside the other four)", 3, 20,
                () -> metrics.dashboard(tenant, today)));
        report.forEach(System.out::println);
        assertThat(accounts.page(tenant, AccountListing.Filter.NONE, null, 50).items()).hasSize(50);
    }

    private static String time(String what, Supplier<?> work) {
        return time(what, 10, 40, work);
    }

    /** p50 and p95 of {@code runs} timed runs after {@code warmUps} untimed ones. */
    private static String time(String what, int warmUps, int runs, Supplier<?> work) {
        for (int i = 0; i < warmUps; i++) {
            work.get();
        }
        long[] ms = new long[runs];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1000;
        }
        java.util.Arrays.sort(ms);
        return String.format(Locale.ROOT, "| %s | p50 %.1f ms | p95 %.1f ms |", what,
                ms[(runs - 1) / 2] / 1000.0, ms[(int) Math.ceil(runs * 0.95) - 1] / 1000.0);
    }

    /** 100,000 accounts, one subscription and one invoice (one RECURRING line) each, over 12 months. */
    private void seed(TenantId tenant) {
        String t = tenant.value();
        jdbc.update("""
                INSERT INTO accounts (tenant_id, account_id, name, email, currency, country, time_zone, bill_cycle_day,
                                      tax_id, created_on)
                SELECT ?, md5('a' || g)::uuid, 'Customer ' || lpad(g::text, 6, '0') || ' GmbH',
                       'billing' || lpad(g::text, 6, '0') || '@example.com', 'EUR', 'DE', 'Europe/Berlin', 1,
                       'DE' || lpad(g::text, 9, '0'), DATE '2025-12-01'
                FROM generate_series(1, ?) g""", t, ROWS);
        jdbc.update("""
                INSERT INTO subscriptions (tenant_id, subscription_id, account_id, plan, quantity, currency, start_date,
                                           bill_cycle_day, state)
                SELECT ?, md5('s' || g)::uuid, md5('a' || g)::uuid, CASE WHEN g % 3 = 0 THEN 'Pro' ELSE 'Starter' END,
                       1 + g % 5, 'EUR', DATE '2025-12-01' + (g % 365), 1, 'ACTIVE'
                FROM generate_series(1, ?) g""", t, ROWS);
        jdbc.update("""
                INSERT INTO invoices (tenant_id, invoice_id, account_id, number, invoice_date, due_date, status, currency,
                                      subtotal, tax, total, amount_paid, pack_name, pack_version, pack_hash, seller,
                                      buyer, trace)
                SELECT ?, md5('i' || g)::uuid, md5('a' || g)::uuid, 'INV-' || lpad(g::text, 6, '0'),
                       DATE '2025-12-07' + (g % 365), DATE '2025-12-21' + (g % 365),
                       CASE WHEN g % 10 = 0 THEN 'FINALIZED' WHEN g % 97 = 0 THEN 'VOID' ELSE 'PAID' END, 'EUR',
                       (g % 2000) + 19, round(((g % 2000) + 19) * 0.19, 2), round(((g % 2000) + 19) * 1.19, 2),
                       CASE WHEN g % 10 = 0 OR g % 97 = 0 THEN 0 ELSE round(((g % 2000) + 19) * 1.19, 2) END,
                       'standard', 1, repeat('a', 64), '{"name":"Bench Hosting GmbH","addressLines":[]}'::jsonb,
                       jsonb_build_object('name', 'Customer ' || lpad(g::text, 6, '0') || ' GmbH', 'addressLines',
                                          '[]'::jsonb), '[]'::jsonb
                FROM generate_series(1, ?) g""", t, ROWS);
        jdbc.update("""
                INSERT INTO invoice_lines (tenant_id, invoice_id, line_no, subscription_id, item_type, description,
                                           period_from, period_to, quantity, unit_price, amount, tax_rate, tax_amount,
                                           tax_label, rules)
                SELECT ?, md5('i' || g)::uuid, 1, md5('s' || g)::uuid, 'RECURRING', 'Hosting',
                       DATE '2025-12-07' + (g % 365), DATE '2026-01-07' + (g % 365), 1, (g % 2000) + 19,
                       (g % 2000) + 19, 19, round(((g % 2000) + 19) * 0.19, 2), 'VAT 19%', '[]'::jsonb
                FROM generate_series(1, ?) g""", t, ROWS);
        jdbc.update("""
                INSERT INTO account_standings (tenant_id, account_id, state, since, changed_on, actions, rules, trace,
                                               pack_name, pack_version, pack_hash, trigger, currency, days_past_due,
                                               unpaid_balance, unpaid_invoices, overdue_balance, overdue_invoices)
                SELECT ?, md5('a' || g)::uuid, CASE WHEN g % 1000 = 0 THEN 'SUSPENDED' ELSE 'REMINDED' END,
                       DATE '2026-11-01', DATE '2026-11-01', '[]', '[]', '[]', 'standard', 1, repeat('a', 64), 'bench',
                       'EUR', 10, 50, 1, 50, 1
                FROM generate_series(10, ?, 10) g""", t, ROWS);
        // as autovacuum leaves tables in service: statistics current, hint bits set, visibility map built. As the
        // tables' owner: the application's user is not, and PostgreSQL skips VACUUM and ANALYZE for it with only a
        // warning, so the planner would guess from empty tables (a few rows where there are 100,000)
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        for (String table : List.of("accounts", "invoices", "invoice_lines", "subscriptions", "account_standings")) {
            owner.execute("VACUUM ANALYZE " + table);
        }
    }
}
