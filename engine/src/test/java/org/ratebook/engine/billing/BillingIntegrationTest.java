package org.ratebook.engine.billing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.invoicing.projection.InvoiceReplay;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.domain.InvalidSubscriptionException;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole billing path on a real (embedded) PostgreSQL: event store, projections, rules, RLS. */
@SpringBootTest(classes = EngineTestApplication.class)
class BillingIntegrationTest {

    @Autowired CommandGateway commands;
    @Autowired BillingRun billingRun;
    @Autowired InvoiceQueries invoices;
    @Autowired InvoiceReplay replay;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired TenantScope tenantScope;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.ratebook.engine.invoicing.InvoiceDrafts drafts;

    private TenantId newTenant(String id) {
        TenantId tenant = TenantId.of(id);
        tenants.create(new Tenant(tenant, id + " Hosting GmbH", List.of("Hauptstr. 1", "10115 Berlin"), "DE123456789"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        return tenant;
    }

    private AccountId newAccount(TenantId tenant, String name) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, name, "billing@example.com", "EUR", "DE",
                "Europe/Berlin", null, List.of("Customer Way 5"), null));
        return account;
    }

    private SubscriptionId subscribe(TenantId tenant, AccountId account, LocalDate start) {
        SubscriptionId subscription = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, subscription, account, "Pro", 1, start));
        return subscription;
    }

    private List<Map<String, Object>> invoiceRows(TenantId tenant) {
        return jdbc.queryForList("""
                SELECT i.number, i.invoice_date, i.total::text AS total, i.trace::text AS trace, l.line_no,
                       l.description, l.amount::text AS amount, l.rules::text AS rules
                FROM invoices i JOIN invoice_lines l USING (tenant_id, invoice_id)
                WHERE i.tenant_id = ? ORDER BY i.number, l.line_no""", tenant.value());
    }

    @Test
    void aProSubscriberIsInvoicedOnceAndTheReplayedProjectionHasTheSameRows() throws Exception {
        TenantId tenant = newTenant("replay-hosting");
        AccountId account = newAccount(tenant, "ACME GmbH");
        subscribe(tenant, account, LocalDate.of(2026, 1, 15));

        BillingRunResult first = billingRun.run(tenant, LocalDate.of(2026, 1, 15));
        assertThat(first.issued()).hasSize(1);
        assertThat(first.problems()).isEmpty();
        assertThat(invoices.awaitVisible(tenant, first.issued(), Duration.ofSeconds(10))).isTrue();

        InvoiceView invoice = invoices.find(tenant, first.issued().getFirst()).orElseThrow();
        assertThat(invoice.number()).isEqualTo("INV-000001");
        assertThat(invoice.total()).isEqualByComparingTo("49.00");
        assertThat(invoice.tax()).isEqualByComparingTo("0.00");
        assertThat(invoice.packName()).isEqualTo("default");
        assertThat(invoice.packVersion()).isEqualTo(1);
        assertThat(invoice.packHash()).isEqualTo(RulePackLoader.defaultPack().contentHash());
        assertThat(invoice.seller().name()).isEqualTo("replay-hosting Hosting GmbH");
        assertThat(invoice.buyer().name()).isEqualTo("ACME GmbH");
        assertThat(invoice.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("49.00");
            assertThat(line.periodFrom()).isEqualTo(LocalDate.of(2026, 1, 15));
            assertThat(line.periodTo()).isEqualTo(LocalDate.of(2026, 2, 15));
            assertThat(line.rules()).containsExactly("Recurring plan price from the catalog",
                    "No tax configured for the seller");
        });
        assertThat(invoices.trace(tenant, invoice.invoiceId())).extracting(f -> f.rule())
                .containsExactly("Recurring plan price from the catalog", "No tax configured for the seller");

        // a second run on the same day issues nothing; two months later the two new periods are billed
        BillingRunResult again = billingRun.run(tenant, LocalDate.of(2026, 1, 15));
        assertThat(again.issued()).isEmpty();
        assertThat(again.alreadyInvoiced()).isEqualTo(1);
        BillingRunResult later = billingRun.run(tenant, LocalDate.of(2026, 3, 15));
        assertThat(later.issued()).hasSize(2);
        assertThat(invoices.awaitVisible(tenant, later.issued(), Duration.ofSeconds(10))).isTrue();
        assertThat(invoices.latest(tenant, 10)).extracting(InvoiceView::number)
                .containsExactly("INV-000003", "INV-000002", "INV-000001");

        List<Map<String, Object>> before = invoiceRows(tenant);
        assertThat(before).hasSize(3);
        // damage the read model: only a replay from the event store can bring the right total back
        jdbc.update("UPDATE invoices SET total = 0 WHERE tenant_id = ?", tenant.value());
        replay.replay();
        waitUntil(() -> before.equals(invoiceRows(tenant)));
        assertThat(invoiceRows(tenant)).isEqualTo(before);
    }

    @Test
    void concurrentBillingRunsIssueEachInvoiceExactlyOnceWithGaplessNumbers() throws Exception {
        TenantId tenant = newTenant("race-hosting");
        for (int i = 0; i < 5; i++) {
            subscribe(tenant, newAccount(tenant, "Customer " + i), LocalDate.of(2026, 1, 15));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<BillingRunResult> run = () -> billingRun.run(tenant, LocalDate.of(2026, 1, 15));
            List<Future<BillingRunResult>> runs = pool.invokeAll(List.of(run, run, run));
            int issued = 0;
            for (Future<BillingRunResult> f : runs) {
                issued += f.get().issued().size();
            }
            assertThat(issued).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        List<String> numbers = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'number' FROM domain_event_entry
                WHERE payload_type LIKE '%InvoiceIssuedEvent' AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?
                ORDER BY 1""", String.class, tenant.value());
        assertThat(numbers).containsExactly("INV-000001", "INV-000002", "INV-000003", "INV-000004", "INV-000005");
    }

    @Test
    void numbersFollowTheTenantsFormatRestartEachYearAndDueDatesFollowItsPaymentTerms() {
        TenantId tenant = newTenant("yearly-hosting");
        tenants.updateBillingSettings(tenant, new BillingSettings("ACME", "{prefix}-{yyyy}-{seq:4}", 30));
        subscribe(tenant, newAccount(tenant, "Yearly customer"), LocalDate.of(2026, 1, 15));

        BillingRunResult run = billingRun.run(tenant, LocalDate.of(2027, 1, 20));

        assertThat(run.issued()).hasSize(13);
        assertThat(invoices.awaitVisible(tenant, run.issued(), Duration.ofSeconds(10))).isTrue();
        List<InvoiceView> all = invoices.latest(tenant, 20);
        assertThat(all).extracting(InvoiceView::number).startsWith("ACME-2027-0001", "ACME-2026-0012")
                .endsWith("ACME-2026-0001").doesNotHaveDuplicates();
        assertThat(all).allSatisfy(i -> assertThat(i.dueDate()).isEqualTo(i.invoiceDate().plusDays(30)));
    }

    @Test
    void rowLevelSecurityHidesOtherTenantsRowsEvenWithoutAWhereClause() {
        TenantId blue = newTenant("blue-hosting");
        TenantId green = newTenant("green-hosting");
        newAccount(blue, "Blue customer");
        newAccount(green, "Green customer 1");
        newAccount(green, "Green customer 2");

        List<String> seenByBlue = tenantScope.call(blue,
                () -> jdbc.queryForList("SELECT name FROM accounts ORDER BY name", String.class));
        assertThat(seenByBlue).containsExactly("Blue customer");

        assertThatThrownBy(() -> tenantScope.run(blue, () -> jdbc.update("""
                INSERT INTO accounts (tenant_id, account_id, name, currency, time_zone, bill_cycle_day, created_on)
                VALUES ('green-hosting', ?, 'smuggled', 'EUR', 'UTC', 1, DATE '2026-01-01')""", UUID.randomUUID())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void everyTableWithATenantIdIsGuardedByRowLevelSecurity() {
        List<String> unguarded = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND NOT c.relrowsecurity AND c.relname <> 'tenants'
                ORDER BY 1""", String.class);
        assertThat(unguarded).as("tenant-owned tables without Row-Level Security "
                + "(use SELECT ratebook_isolate_tenant('table') in the migration)").isEmpty();
    }

    @Test
    void anUnknownPlanIsRejectedAndNothingIsStored() {
        TenantId tenant = newTenant("strict-hosting");
        AccountId account = newAccount(tenant, "Careful customer");
        Integer eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);

        assertThatThrownBy(() -> commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(),
                account, "Gold", 1, null)))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("unknown plan 'Gold'");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscriptions WHERE tenant_id = ?", Integer.class,
                tenant.value())).isZero();
    }

    /**
     * Drafts, a discarded draft billed again and a finalized draft: the replayed read model has the same rows
     * (status, number, dates, review window, lines) and the same account credit.
     */
    @Test
    void draftsFinalizedAndDiscardedReplayToTheSameRows() throws Exception {
        TenantId tenant = newTenant("draft-hosting");
        tenants.updateBillingSettings(tenant, new BillingSettings("INV", "{prefix}-{seq:6}", 14, 48));
        AccountId kept = newAccount(tenant, "Kept GmbH");
        AccountId redone = newAccount(tenant, "Redone GmbH");
        subscribe(tenant, kept, LocalDate.of(2026, 1, 15));
        subscribe(tenant, redone, LocalDate.of(2026, 1, 15));

        BillingRunResult first = billingRun.run(tenant, LocalDate.of(2026, 1, 15));
        assertThat(first.issued()).hasSize(2);
        assertThat(invoices.awaitVisible(tenant, first.issued(), Duration.ofSeconds(10))).isTrue();
        assertThat(first.issued()).allSatisfy(id -> assertThat(invoices.find(tenant, id).orElseThrow())
                .satisfies(i -> {
                    assertThat(i.status()).isEqualTo("DRAFT");
                    assertThat(i.number()).isNull();
                }));
        UUID keptDraft = first.issued().stream()
                .filter(id -> invoices.find(tenant, id).orElseThrow().accountId().equals(kept.value()))
                .findFirst().orElseThrow();
        UUID redoneDraft = first.issued().stream().filter(id -> !id.equals(keptDraft)).findFirst().orElseThrow();
        drafts.discard(tenant, redoneDraft, "wrong quantity");
        assertThat(invoices.awaitStatus(tenant, redoneDraft, "DISCARDED", Duration.ofSeconds(10))).isTrue();
        drafts.finalizeDraft(tenant, keptDraft);
        assertThat(invoices.awaitStatus(tenant, keptDraft, "FINALIZED", Duration.ofSeconds(10))).isTrue();
        assertThat(invoices.find(tenant, keptDraft).orElseThrow().number()).isEqualTo("INV-000001");

        // the discarded draft's period is billed again, under a new id, as a new draft
        BillingRunResult again = billingRun.run(tenant, LocalDate.of(2026, 1, 15));
        assertThat(again.issued()).hasSize(1).doesNotContain(redoneDraft);
        assertThat(invoices.awaitVisible(tenant, again.issued(), Duration.ofSeconds(10))).isTrue();
        assertThat(invoices.find(tenant, again.issued().getFirst()).orElseThrow().status()).isEqualTo("DRAFT");

        List<Map<String, Object>> before = draftRows(tenant);
        assertThat(before).extracting(r -> r.get("status"))
                .containsExactlyInAnyOrder("FINALIZED", "DISCARDED", "DRAFT");
        jdbc.update("UPDATE invoices SET status = 'VOID', number = NULL WHERE tenant_id = ?", tenant.value());
        replay.replay();
        waitUntil(() -> before.equals(draftRows(tenant)));
        assertThat(draftRows(tenant)).isEqualTo(before);
    }

    private List<Map<String, Object>> draftRows(TenantId tenant) {
        return jdbc.queryForList("""
                SELECT i.invoice_id, i.number, i.status, i.invoice_date, i.due_date, i.issued_on,
                       i.review_until::text AS review_until, i.total::text AS total, l.line_no, l.amount::text AS amount
                FROM invoices i JOIN invoice_lines l USING (tenant_id, invoice_id)
                WHERE i.tenant_id = ? ORDER BY i.invoice_id, l.line_no""", tenant.value());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
