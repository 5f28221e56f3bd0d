package org.ratebook.engine.metrics;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.metrics.FinanceMetrics.MrrMonth;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MRR month by month over lines of every shape the read model holds: monthly, quarterly and annual periods, a
 * prorated part, a void invoice, an account that comes back within the months shown and one that had MRR before
 * them. The rows are written straight into the read models, as the invoice projection would; the expected figures
 * are worked out by hand in the comments.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class FinanceMetricsIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TenantRegistry tenants;
    @Autowired FinanceMetrics metrics;

    private TenantId tenant;

    @Test
    void mrrCountsEachPeriodAtItsMonthlyRateAndNamesEveryMovement() {
        tenant = TenantId.of("mrr-" + UUID.randomUUID().toString().substring(0, 6));
        tenants.create(new Tenant(tenant, "MRR Hosting GmbH", List.of(), "DE1"));
        // A: monthly 100 in January and February, 150 in March, then nothing
        UUID a = account("Alpha");
        line(a, "PAID", "2026-01-01", "2026-02-01", "100.00");
        line(a, "PAID", "2026-02-01", "2026-03-01", "100.00");
        line(a, "FINALIZED", "2026-03-01", "2026-04-01", "150.00");
        // B: a quarter of 300 (100 a month), a gap in April and May, back in June at 90
        UUID b = account("Beta");
        line(b, "PAID", "2026-01-01", "2026-04-01", "300.00");
        line(b, "FINALIZED", "2026-06-01", "2026-07-01", "90.00");
        // C: had MRR long before the months shown; back in May at 60: reactivation, not new
        UUID c = account("Gamma");
        line(c, "PAID", "2025-01-01", "2025-02-01", "50.00");
        line(c, "PAID", "2026-05-01", "2026-06-01", "60.00");
        // D: 19 days of February prorated at 38.00: 38 / 19 × 30.4375 = 60.875 a month
        UUID d = account("Delta");
        line(d, "PAID", "2026-02-10", "2026-03-01", "38.00");
        // E: a void invoice counts for nothing
        UUID e = account("Epsilon");
        line(e, "VOID", "2026-01-01", "2026-02-01", "500.00");
        // F: a year of 1,200 from September 2025: 100 a month
        UUID f = account("Zeta");
        line(f, "PAID", "2025-09-01", "2026-09-01", "1200.00");

        List<MrrMonth> months = metrics.mrr(tenant, LocalDate.of(2026, 6, 10), 12);

        assertThat(months).extracting(MrrMonth::month).containsExactly(
                YearMonth.of(2025, 7), YearMonth.of(2025, 8), YearMonth.of(2025, 9), YearMonth.of(2025, 10),
                YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        assertThat(months).extracting(m -> m.month() + " " + m.mrr() + " new " + m.newMrr() + " up " + m.expansion()
                + " down " + m.contraction() + " churn " + m.churn() + " back " + m.reactivation() + " / " + m.accounts())
                .containsExactly(
                        "2025-07 0.00 new 0.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 0",
                        "2025-08 0.00 new 0.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 0",
                        "2025-09 100.00 new 100.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 1",
                        "2025-10 100.00 new 0.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 1",
                        "2025-11 100.00 new 0.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 1",
                        "2025-12 100.00 new 0.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 1",
                        "2026-01 300.00 new 200.00 up 0.00 down 0.00 churn 0.00 back 0.00 / 3",
                        "2026-02 360.88 new 60.88 up 0.00 down 0.00 churn 0.00 back 0.00 / 4",
                        "2026-03 350.00 new 0.00 up 50.00 down 0.00 churn 60.88 back 0.00 / 3",
                        "2026-04 100.00 new 0.00 up 0.00 down 0.00 churn 250.00 back 0.00 / 1",
                        "2026-05 160.00 new 0.00 up 0.00 down 0.00 churn 0.00 back 60.00 / 2",
                        "2026-06 190.00 new 0.00 up 0.00 down 0.00 churn 60.00 back 90.00 / 2");
        // the dashboard reads MRR beside its other figures and shows the same months
        assertThat(metrics.dashboard(tenant, LocalDate.of(2026, 6, 10)).mrr()).isEqualTo(months);
    }

    private UUID account(String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO accounts (tenant_id, account_id, name, email, currency, country, time_zone, bill_cycle_day,
                                      tax_id, created_on)
                VALUES (?, ?, ?, ?, 'EUR', 'DE', 'Europe/Berlin', 1, NULL, DATE '2025-01-01')""",
                tenant.value(), id, name + " GmbH", name.toLowerCase() + "@example.com");
        return id;
    }

    private void line(UUID account, String status, String from, String to, String amount) {
        UUID invoice = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO invoices (tenant_id, invoice_id, account_id, number, invoice_date, due_date, status, currency,
                                      subtotal, tax, total, amount_paid, pack_name, pack_version, pack_hash, seller,
                                      buyer, trace)
                VALUES (?, ?, ?, ?, ?::date, ?::date + 14, ?, 'EUR', ?::numeric, 0, ?::numeric, 0, 'standard', 1,
                        repeat('a', 64), '{"name":"MRR Hosting GmbH","addressLines":[]}'::jsonb,
                        '{"name":"Customer","addressLines":[]}'::jsonb, '[]'::jsonb)""",
                tenant.value(), invoice, account, "INV-" + invoice.toString().substring(0, 8), from, from, status,
                amount, amount);
        jdbc.update("""
                INSERT INTO invoice_lines (tenant_id, invoice_id, line_no, subscription_id, item_type, description,
                                           period_from, period_to, quantity, unit_price, amount, tax_rate, tax_amount,
                                           tax_label, rules)
                VALUES (?, ?, 1, ?, 'RECURRING', 'Hosting', ?::date, ?::date, 1, ?::numeric, ?::numeric, 0, 0, 'none',
                        '[]'::jsonb)""",
                tenant.value(), invoice, UUID.randomUUID(), from, to, amount, amount);
    }
}
