package org.ratebook.engine.audit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.SetParentAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.charge.api.AddOneOffChargeCommand;
import org.ratebook.engine.discount.api.CouponRedemptionId;
import org.ratebook.engine.discount.api.RedeemCouponCommand;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.IssueCreditNoteCommand;
import org.ratebook.engine.invoicing.api.RecordPaymentCommand;
import org.ratebook.engine.invoicing.api.VoidInvoiceCommand;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.ChangeQuantityCommand;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors replay the event history, on the real engine, event store, rules and PostgreSQL. */
@SpringBootTest(classes = EngineTestApplication.class)
class AuditIntegrationTest {

    private static final String STANDARD = "org/ratebook/rules/packs/standard";

    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired TestClocks clocks;
    @Autowired JdbcTemplate jdbc;
    // the runtime role may only append events (decision 018): tampering needs the database owner, as an attacker would
    @Autowired io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
    @Autowired AccountAudit audit;
    @Autowired DocumentRederivation rederivation;
    @Autowired ProjectionRebuild rebuild;
    @Autowired SelfCheck selfCheck;
    @Autowired AuditBundle bundles;
    @Autowired org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier barrier;

    private static byte[] rezip(Map<String, byte[]> files) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The tenant's invoice read model, every row as JSON, in a stable order; without payments' {@code position}, a
     * bigserial shared by all tenants that only orders payments (rebuilt rows get new, still ordered, numbers).
     */
    private Map<String, List<String>> invoiceReadModel(TenantId tenant) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : List.of("invoices", "invoice_lines", "payments", "credit_notes", "account_credits")) {
            rows.put(table, jdbc.queryForList("SELECT (to_jsonb(t) - 'position')::text FROM " + table
                    + " t WHERE tenant_id = ? ORDER BY 1", String.class, tenant.value()));
        }
        return rows;
    }

    private TenantId sandbox(String id, String pack, LocalDate start) {
        TenantId tenant = TenantId.of(id + "-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, id + " Hosting GmbH", List.of("Hauptstr. 1", "10115 Berlin"),
                "DE123456789"), start.atStartOfDay().toInstant(ZoneOffset.UTC));
        packs.importShipped(tenant, pack, LocalDate.of(2000, 1, 1));
        return tenant;
    }

    private AccountId account(TenantId tenant, String name, String country, String taxId, TaxDetails tax) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, name, "billing@example.com", "EUR", country,
                "UTC", null, List.of("Customer Way 5"), taxId, tax));
        return account;
    }

    private SubscriptionId subscribe(TenantId tenant, AccountId account, String plan, int quantity, LocalDate start) {
        SubscriptionId subscription = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, subscription, account, plan, quantity, start));
        return subscription;
    }

    private void advance(TenantId tenant, LocalDate day) {
        clocks.advance(tenant, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static Map<String, String> standardFiles(String proPrice) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of("pack.properties", "catalog/plans.csv", "discount/bundles.csv", "discount/coupons.csv",
                "discount/promotions.csv", "discount/volume.csv", "rules/discount.drl", "rules/pricing.drl",
                "rules/tax.drl", "tax/rates.csv")) {
            try (InputStream in = AuditIntegrationTest.class.getClassLoader().getResourceAsStream(STANDARD + "/" + f)) {
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        files.put("catalog/plans.csv", files.get("catalog/plans.csv").replace("Pro,Hosting,EUR,49.00",
                "Pro,Hosting,EUR," + proPrice));
        return files;
    }

    private static byte[] zipEntry(byte[] zip, String name) throws IOException {
        return BundleVerifier.unzip(zip).get(name);
    }

    @Test
    void aYearOfBillingReDerivesIdenticallyAndTamperingIsNamed() throws IOException {
        TenantId tenant = sandbox("audit-year", STANDARD, LocalDate.of(2027, 1, 1));
        AccountId shop = account(tenant, "Shop GmbH", "DE", null, null);
        AccountId agency = account(tenant, "Agence SARL", "FR", "FR40303265045",
                new TaxDetails(null, true, true, false, null));
        AccountId branch = account(tenant, "Shop Branch", "DE", null, null);
        commands.sendAndWait(new SetParentAccountCommand(tenant, branch, shop, true));
        commands.sendAndWait(new RedeemCouponCommand(tenant, CouponRedemptionId.of(tenant, shop, "WELCOME20"), shop,
                "WELCOME20"));
        SubscriptionId shopPro = subscribe(tenant, shop, "Pro", 1, LocalDate.of(2027, 1, 1));
        SubscriptionId agencySeats = subscribe(tenant, agency, "Starter", 3, LocalDate.of(2027, 1, 15));
        subscribe(tenant, branch, "Backup", 1, LocalDate.of(2027, 2, 1));
        advance(tenant, LocalDate.of(2027, 1, 1));
        advance(tenant, LocalDate.of(2027, 2, 1));
        InvoiceId shopFebruary = InvoiceId.of(tenant, shop, LocalDate.of(2027, 2, 1));
        commands.sendAndWait(new RecordPaymentCommand(tenant, shopFebruary, "pay-feb", new BigDecimal("20.00"), "EUR",
                LocalDate.of(2027, 2, 5), "bank", "feb"));
        advance(tenant, LocalDate.of(2027, 3, 10));
        commands.sendAndWait(new ChangePlanCommand(tenant, shopPro, "Starter", ChangeTiming.IMMEDIATE, null));
        commands.sendAndWait(new AddOneOffChargeCommand(tenant, AddOneOffChargeCommand.idOf(tenant, "setup-1"),
                "setup-1", agency, "Server setup", BigDecimal.ONE, new BigDecimal("150.00"), "EUR",
                LocalDate.of(2027, 4, 15)));
        advance(tenant, LocalDate.of(2027, 4, 20));
        commands.sendAndWait(new ChangeQuantityCommand(tenant, agencySeats, 5, ChangeTiming.IMMEDIATE, null));
        advance(tenant, LocalDate.of(2027, 5, 20));
        commands.sendAndWait(new VoidInvoiceCommand(tenant, InvoiceId.of(tenant, agency, LocalDate.of(2027, 5, 15)),
                "wrong seats", LocalDate.of(2027, 5, 20)));
        // a price change published midway: Pro costs 59.00 from July
        packs.importContent(tenant, RulePackContent.of(RulePackLoader.fromFiles(standardFiles("59.00"), 2)),
                LocalDate.of(2027, 7, 1));
        advance(tenant, LocalDate.of(2027, 6, 20));
        commands.sendAndWait(new ChangePlanCommand(tenant, shopPro, "Pro", ChangeTiming.IMMEDIATE, null));
        advance(tenant, LocalDate.of(2027, 7, 20));
        commands.sendAndWait(new IssueCreditNoteCommand(tenant, InvoiceId.of(tenant, shop, LocalDate.of(2027, 7, 1)),
                "cn-outage", new BigDecimal("5.00"), "EUR", "Outage", LocalDate.of(2027, 7, 20),
                java.math.RoundingMode.HALF_UP));
        // from September the seller reviews invoices as drafts for a day
        BillingSettings settings = tenants.billingSettings(tenant);
        tenants.updateBillingSettings(tenant, new BillingSettings(settings.invoicePrefix(),
                settings.invoiceNumberFormat(), settings.paymentTermsDays(), 24));
        advance(tenant, LocalDate.of(2027, 9, 20));
        tenants.updateBillingSettings(tenant, settings);
        advance(tenant, LocalDate.of(2027, 12, 31));

        List<Rederivation> all = rederivation.all(tenant);
        System.out.println("Re-derived " + all.size() + " documents of a simulated year: "
                + all.stream().filter(Rederivation::identical).count() + " identical");
        all.stream().filter(r -> !r.identical()).forEach(r -> System.out.println("MISMATCH " + r));
        assertThat(all).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all).allSatisfy(r -> assertThat(r.differences()).as(r.kind() + " " + r.number() + " of "
                + r.date()).isEmpty());
        assertThat(all).extracting(Rederivation::kind).contains("credit note");
        assertThat(all).extracting(Rederivation::packVersion).contains(1, 2);

        // the invoice read model rebuilt from the events equals the live one
        Map<String, List<String>> live = invoiceReadModel(tenant);
        long t0 = System.nanoTime();
        long replayed = rebuild.rebuild(tenant, n -> { });
        System.out.printf("Rebuilt the invoice read model from %d events in %.1f ms%n", replayed,
                (System.nanoTime() - t0) / 1e6);
        assertThat(replayed).isGreaterThan(30);
        assertThat(invoiceReadModel(tenant)).isEqualTo(live);
        assertThat(live.get("invoices")).hasSizeGreaterThan(20);

        // the audit bundle of the shop's year verifies offline; a modified one names the difference
        byte[] zip = bundles.export(tenant, shop, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        BundleVerifier.Report report = new BundleVerifier().verify(zip);
        assertThat(report.bundleProblems()).isEmpty();
        assertThat(report.documents()).hasSizeGreaterThan(10)
                .allSatisfy(r -> assertThat(r.differences()).as(r.kind() + " " + r.number()).isEmpty());
        assertThat(report.identical()).isTrue();
        Map<String, byte[]> files = BundleVerifier.unzip(zip);
        assertThat(files).containsKeys("manifest.json", "events.jsonl", "tenant.json", "packs/v1.json",
                "packs/v2.json", "invoices/INV-000001.json", "invoices/INV-000001.pdf");
        String events = new String(files.get("events.jsonl"), StandardCharsets.UTF_8);
        assertThat(events).contains("\\\"price\\\":49.00");
        files.put("events.jsonl", events.replace("\\\"price\\\":49.00", "\\\"price\\\":39.00")
                .getBytes(StandardCharsets.UTF_8));
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8)
                .replace(AuditBundle.sha256(zipEntry(zip, "events.jsonl")), AuditBundle.sha256(files.get("events.jsonl")));
        files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("invoices/INV-000001.pdf", "not the invoice".getBytes(StandardCharsets.UTF_8));
        BundleVerifier.Report modified = new BundleVerifier().verify(rezip(files));
        assertThat(modified.identical()).isFalse();
        assertThat(modified.bundleProblems()).anySatisfy(p -> {
            assertThat(p.item()).isEqualTo("invoices/INV-000001.pdf");
            assertThat(p.field()).isEqualTo("sha256");
        });
        assertThat(modified.documents()).anySatisfy(r -> assertThat(r.differences()).anySatisfy(d -> {
            assertThat(d.field()).isEqualTo("unit price");
            assertThat(d.stored()).isEqualTo("49.00");
            assertThat(d.rederived()).isEqualTo("39.00");
        }));
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        BundleVerifier.print(modified, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unit price: stored 49.00, re-derived 39.00")
                .contains("NOT identical");

        // tampering with the pack version the January invoices used (Starter at 18.00, not 19.00) names the line
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%RulePackDraftSavedEvent'
                   AND convert_from(payload, 'UTF8') LIKE '%"price":19.00%'
                   AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?""", Long.class, tenant.value()))
                .isPositive();
        owner().update("""
                UPDATE domain_event_entry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"price":19.00',
                                                    '"price":18.00'), 'UTF8')
                 WHERE payload_type LIKE '%RulePackDraftSavedEvent'
                   AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?
                   AND (convert_from(payload, 'UTF8')::jsonb ->> 'version')::int = 1""", tenant.value());
        UUID agencyJanuary = InvoiceId.of(tenant, agency, LocalDate.of(2027, 1, 15)).value();
        Rederivation tampered = rederivation.invoice(tenant, agencyJanuary).get(0);
        assertThat(tampered.identical()).isFalse();
        assertThat(tampered.differences()).anySatisfy(d -> {
            assertThat(d.item()).isEqualTo("line 1");
            assertThat(d.field()).isEqualTo("unit price");
            assertThat(d.stored()).isEqualTo("19.00");
            assertThat(d.rederived()).isEqualTo("18.00");
        });
        assertThat(tampered.differences()).anySatisfy(d -> assertThat(d.field()).isEqualTo("content hash"));

        // the self-check finds it too: counted, logged and kept for auditors
        assertThat(selfCheck.checkRecent(tenant, 100)).isPositive();
        assertThat(selfCheck.mismatches(tenant, 100)).anySatisfy(m -> {
            assertThat(m.documentId()).isEqualTo(agencyJanuary.toString());
            assertThat(m.differences()).extracting(Rederivation.Difference::field).contains("unit price");
        });

        // tampering with an event payload: the agency's subscription said 4 seats, not 3
        owner().update("""
                UPDATE domain_event_entry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"quantity":3', '"quantity":4'),
                                            'UTF8')
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%SubscriptionCreatedEvent'""",
                agencySeats.value().toString());
        Rederivation seats = rederivation.invoice(tenant, agencyJanuary).get(0);
        assertThat(seats.differences()).anySatisfy(d -> {
            assertThat(d.field()).isEqualTo("quantity");
            assertThat(d.stored()).isEqualTo("3");
            assertThat(d.rederived()).isEqualTo("4");
        });
    }

    @Test
    void stateAsOfShowsWhatWasTrueBeforeAndAfterAPlanChangeAPaymentAndASuspension() {
        TenantId tenant = sandbox("audit-asof", RulePackLoader.DEFAULT_PACK, LocalDate.of(2027, 1, 1));
        AccountId account = account(tenant, "Late Payer Ltd", "DE", null, null);
        SubscriptionId subscription = subscribe(tenant, account, "Pro", 1, LocalDate.of(2027, 1, 1));
        advance(tenant, LocalDate.of(2027, 1, 1));
        InvoiceId january = InvoiceId.of(tenant, account, LocalDate.of(2027, 1, 1));
        advance(tenant, LocalDate.of(2027, 1, 10));
        BigDecimal due = audit.stateAsOf(tenant, account, LocalDate.of(2027, 1, 9)).openInvoices().get(0).due();
        commands.sendAndWait(new RecordPaymentCommand(tenant, january, "pay-jan", due, "EUR",
                LocalDate.of(2027, 1, 10), "bank", "jan"));
        advance(tenant, LocalDate.of(2027, 1, 20));
        commands.sendAndWait(new ChangePlanCommand(tenant, subscription, "Starter", ChangeTiming.END_OF_TERM, null));
        advance(tenant, LocalDate.of(2027, 4, 15)); // February's invoice is never paid: reminded, warned, suspended

        AccountStateAsOf beforeChange = audit.stateAsOf(tenant, account, LocalDate.of(2027, 1, 25));
        assertThat(beforeChange.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.plan()).isEqualTo("Pro");
            assertThat(s.status()).isEqualTo("ACTIVE");
        });
        AccountStateAsOf afterChange = audit.stateAsOf(tenant, account, LocalDate.of(2027, 2, 2));
        assertThat(afterChange.subscriptions()).singleElement().satisfies(s -> assertThat(s.plan()).isEqualTo("Starter"));

        AccountStateAsOf beforePayment = audit.stateAsOf(tenant, account, LocalDate.of(2027, 1, 5));
        assertThat(beforePayment.openInvoices()).hasSize(1);
        assertThat(beforePayment.balances()).singleElement().satisfies(b ->
                assertThat(b.openInvoices()).isPositive());
        AccountStateAsOf afterPayment = audit.stateAsOf(tenant, account, LocalDate.of(2027, 1, 12));
        assertThat(afterPayment.openInvoices()).isEmpty();
        assertThat(afterPayment.dunningState()).isEqualTo("GOOD");

        AccountStateAsOf beforeSuspension = audit.stateAsOf(tenant, account, LocalDate.of(2027, 2, 20));
        assertThat(beforeSuspension.dunningState()).isIn("GOOD", "REMINDED");
        AccountStateAsOf afterSuspension = audit.stateAsOf(tenant, account, LocalDate.of(2027, 4, 10));
        assertThat(afterSuspension.dunningState()).isIn("SUSPENDED", "TERMINATED");
        assertThat(afterSuspension.openInvoices()).isNotEmpty();

        // the timeline: every event in order, filtered by type, paged by cursor, each with its summary
        TimelinePage all = audit.timeline(tenant, account, Set.of(), null, null, null, 500);
        assertThat(all.entries()).extracting(AuditEvent::type).contains("AccountCreatedEvent",
                "SubscriptionCreatedEvent", "InvoiceIssuedEvent", "PaymentRecordedEvent", "PlanChangedEvent");
        assertThat(all.entries()).extracting(AuditEvent::globalIndex).isSorted();
        assertThat(all.entries()).allSatisfy(e -> assertThat(e.who()).isNotBlank());
        TimelinePage invoices = audit.timeline(tenant, account, Set.of("InvoiceIssuedEvent"), null, null, null, 1);
        assertThat(invoices.entries()).singleElement().satisfies(e -> {
            assertThat(e.packVersion()).isEqualTo(1);
            assertThat(e.summary()).startsWith("Invoice ");
        });
        assertThat(invoices.next()).isNotNull();
        TimelinePage second = audit.timeline(tenant, account, Set.of("InvoiceIssuedEvent"), null, null,
                invoices.next(), 1);
        assertThat(second.entries()).singleElement().satisfies(e ->
                assertThat(e.globalIndex()).isGreaterThan(invoices.next()));
        TimelinePage march = audit.timeline(tenant, account, Set.of(), LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 31), null, 100);
        assertThat(march.entries()).allSatisfy(e -> assertThat(e.businessDate().getMonthValue()).isEqualTo(3));
    }

    @Test
    void aTenantsInvoiceReadModelRebuiltFromTenThousandEventsEqualsTheLiveOne() {
        TenantId tenant = sandbox("audit-rebuild", RulePackLoader.DEFAULT_PACK, LocalDate.of(2027, 1, 1));
        AccountId account = account(tenant, "Volume GmbH", "DE", null, null);
        subscribe(tenant, account, "Pro", 1, LocalDate.of(2027, 1, 1));
        advance(tenant, LocalDate.of(2027, 1, 1));
        // 10,000 more invoices, copies of the first under new ids and numbers, appended straight to the event store
        // (the live processor projects them as it would any other)
        String id = InvoiceId.of(tenant, account, LocalDate.of(2027, 1, 1)).value().toString();
        int copies = Integer.getInteger("rebuild.events", 10_000);
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                payload, payload_revision, payload_type, time_stamp)
                SELECT c.id, 0, e.type, gen_random_uuid()::text, e.meta_data,
                       convert_to(replace(replace(convert_from(e.payload, 'UTF8'), ?, c.id), '"INV-000001"',
                                          '"BULK-' || n || '"'), 'UTF8'),
                       e.payload_revision, e.payload_type, e.time_stamp
                  FROM domain_event_entry e,
                       LATERAL (SELECT n, md5(? || n)::uuid::text AS id FROM generate_series(1, ?) n) c
                 WHERE e.aggregate_identifier = ? AND e.sequence_number = 0""", id, id, copies, id);
        barrier.awaitCaughtUp(java.time.Duration.ofMinutes(5));
        Map<String, List<String>> live = invoiceReadModel(tenant);
        assertThat(live.get("invoices")).hasSize(copies + 1);

        long t0 = System.nanoTime();
        long replayed = rebuild.rebuild(tenant, n -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Rebuilt the invoice read model of one tenant from %d events in %.2f s: %.0f events/s%n",
                replayed, seconds, replayed / seconds);
        assertThat(replayed).isEqualTo(copies + 1);
        assertThat(invoiceReadModel(tenant)).isEqualTo(live);
    }

    private JdbcTemplate owner() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }
}
