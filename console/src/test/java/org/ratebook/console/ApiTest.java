package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API against the real application on an embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired org.ratebook.tenants.Operators operators;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;
    private TenantId tenant;

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Api Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    private String createAccount(String name) {
        ApiClient.Response created = api.post("/api/v1/accounts",
                "{\"name\":\"" + name + "\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("accountId").asText();
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", Integer.class,
                tenant.value());
    }

    @Test
    void subscribeRunBillingAndReadTheExplainedInvoiceAsJsonAndPdf() throws IOException {
        String account = createAccount("ACME GmbH");
        ApiClient.Response subscribed = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}");
        assertThat(subscribed.status()).isEqualTo(201);
        assertThat(subscribed.json().get("plan").asText()).isEqualTo("Pro");

        ApiClient.Response run = api.post("/api/v1/billing-runs", "{}");
        assertThat(run.status()).isEqualTo(200);
        JsonNode issued = run.json().get("issued");
        assertThat(issued).hasSize(1);
        String invoiceId = issued.get(0).get("invoiceId").asText();

        JsonNode invoice = api.get("/api/v1/invoices/" + invoiceId).json();
        assertThat(invoice.get("number").asText()).isEqualTo("INV-000001");
        assertThat(LocalDate.parse(invoice.get("dueDate").asText()))
                .as("net 14 by default").isEqualTo(LocalDate.parse(invoice.get("invoiceDate").asText()).plusDays(14));
        assertThat(invoice.get("total").isTextual()).as("money is a decimal string, never a float").isTrue();
        assertThat(invoice.get("total").asText()).isEqualTo("49.00");
        assertThat(invoice.get("tax").asText()).isEqualTo("0.00");
        assertThat(invoice.get("rulePack").get("name").asText()).isEqualTo("default");
        assertThat(invoice.get("rulePack").get("version").asInt()).isEqualTo(1);
        JsonNode line = invoice.get("lines").get(0);
        assertThat(line.get("amount").asText()).isEqualTo("49.00");
        assertThat(line.get("rules").toString())
                .isEqualTo("[\"Recurring plan price from the catalog\",\"No tax configured for the seller\"]");

        JsonNode trace = api.get("/api/v1/invoices/" + invoiceId + "/trace").json();
        assertThat(trace.get("fired")).hasSize(2);

        ApiClient.Response pdf = api.get("/api/v1/invoices/" + invoiceId + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("INV-000001", "Api Hosting Ltd", "ACME GmbH", "49.00 EUR", "Due date: ",
                    "Recurring plan price from the catalog");
        }

        ApiClient.Response again = api.post("/api/v1/billing-runs", "{}");
        assertThat(again.json().get("issued")).isEmpty();
        assertThat(again.json().get("alreadyInvoiced").asInt()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsA400ProblemAndStoresNothing() {
        ApiClient.Response response = api.post("/api/v1/accounts", "{\"name\": \"ACME\", ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).startsWith("The request body is not valid JSON");
        assertThat(response.text()).doesNotContain("at org.", "Exception");
        assertThat(rows("accounts")).isZero();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        ApiClient.Response response = api.post("/api/v1/accounts", "{\"email\":\"a@b.example\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText())
                .isEqualTo("Invalid fields: currency must not be blank; name must not be blank");
        assertThat(rows("accounts")).isZero();
    }

    @Test
    void anUnknownPlanIsA422ProblemAndStoresNothing() {
        String account = createAccount("Careful Ltd");
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        ApiClient.Response response = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Gold\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isEqualTo("unknown plan 'Gold' in rule pack default v1");
        assertThat(rows("subscriptions")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(eventsBefore);
    }

    @Test
    void aMissingOrWrongApiKeyIsA401ProblemAndStoresNothing() {
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient wrong = new ApiClient(port, "rb_not-a-key");
        String body = "{\"name\":\"Intruder\",\"currency\":\"EUR\"}";

        ApiClient.Response missing = anonymous.post("/api/v1/accounts", body);
        ApiClient.Response unknown = wrong.post("/api/v1/accounts", body);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asText()).startsWith("Missing API key");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Unknown, revoked or expired API key."); // keys may expire (decision 017)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM accounts WHERE name = 'Intruder'", Integer.class)).isZero();
    }

    @Test
    void anotherTenantsInvoiceIsNotFound() {
        String account = createAccount("Mine GmbH");
        api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}");
        String invoiceId = api.post("/api/v1/billing-runs", "{}").json().get("issued").get(0).get("invoiceId").asText();

        TenantId other = TenantId.of("o-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(other, "Other", List.of(), null));
        ApiClient otherApi = new ApiClient(port, apiKeys.issue(other, "test"));

        assertThat(otherApi.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/invoices/" + invoiceId + ".pdf").status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/accounts/" + account).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/invoices").json()).isEmpty();
    }

    @Test
    void aBillingRunForAFutureDateIsRefused() {
        ApiClient.Response response = api.post("/api/v1/billing-runs",
                "{\"targetDate\":\"" + LocalDate.now().plusYears(5) + "\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("is in the future");
    }

    @Test
    void prometheusShowsIssuedInvoicesAndBillingRunTimes() {
        String account = createAccount("Metered GmbH");
        api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Starter\"}");
        api.post("/api/v1/billing-runs", "{}");

        // metrics need a credential (decision 017): the operator's key
        String metrics = new ApiClient(port, operators.issueKey("metrics")).get("/actuator/prometheus").text();
        assertThat(metrics).contains("ratebook_invoices_issued_total{tenant=\"" + tenant + "\"} 1.0");
        assertThat(metrics).contains("ratebook_billing_run_seconds_count{tenant=\"" + tenant + "\"} 1");
    }

    @Test
    void theRulePackVersionThatPricesTheTenantCanBeRead() {
        JsonNode list = api.get("/api/v1/rule-packs").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(list.get(0).get("effectiveFrom").asText()).isEqualTo("2000-01-01");

        JsonNode pack = api.get("/api/v1/rule-packs/1").json();
        assertThat(pack.get("contentHash").asText()).isEqualTo(RulePackLoader.defaultPack().contentHash());
        assertThat(pack.get("plans").toString()).contains("{\"plan\":\"Pro\",\"product\":\"Hosting\","
                + "\"currency\":\"EUR\",\"price\":\"49.00\"");
        assertThat(pack.get("sources").get(0).get("text").asText()).contains("rule \"Recurring plan price from the catalog\"");
        assertThat(api.get("/api/v1/rule-packs/9").status()).isEqualTo(404);
        ApiClient.Response export = api.get("/api/v1/rule-packs/1/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/zip");
        assertThat(new String(export.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("a zip with the pack's files").startsWith("PK").contains("pack.properties", "catalog/plans.csv");
        assertThat(api.get("/api/v1/rule-packs/9/export").status()).isEqualTo(404);
        assertThat(pack.get("billingAlignment").asText()).isEqualTo("ACCOUNT");
    }

    @Test
    void aPackVersionShowsItsBillingAlignmentAndPeriodsOfSeveralUnits() {
        org.ratebook.rules.pack.RulePack shipped = RulePackLoader.defaultPack();
        java.util.List<org.ratebook.rules.fact.CatalogPlan> plans = new java.util.ArrayList<>(shipped.plans());
        plans.add(new org.ratebook.rules.fact.CatalogPlan("Half", "Hosting", "EUR", new java.math.BigDecimal("240.00"),
                org.ratebook.rules.fact.BillingPeriod.MONTHLY, org.ratebook.rules.fact.BillingMode.IN_ADVANCE, null,
                null, 6));
        int version = packs.importContent(tenant, new org.ratebook.engine.rulepack.api.RulePackContent("calendar",
                plans, shipped.sources(), shipped.dayCount(), shipped.rounding(), shipped.tables().texts(),
                shipped.taxSettings(), java.util.List.of(), java.util.List.of(),
                org.ratebook.rules.time.BillingAlignment.CALENDAR), LocalDate.of(2000, 1, 1));
        JsonNode pack = api.get("/api/v1/rule-packs/" + version).json();
        assertThat(pack.get("billingAlignment").asText()).isEqualTo("CALENDAR");
        assertThat(pack.get("plans").toString()).contains("\"plan\":\"Half\"").contains("\"billingPeriod\":\"6 MONTHS\"");
        String properties = unzipped(api.get("/api/v1/rule-packs/" + version + "/export").body(), "pack.properties");
        assertThat(properties).contains("billing_alignment=CALENDAR");
    }

    private static String unzipped(byte[] zip, String name) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no " + name + " in the export");
    }

    @Test
    void aSandboxTenantAdvancesItsTestClockAndTheMonthsInBetweenAreBilled() {
        TenantId sandbox = TenantId.of("s-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(sandbox, "Sandbox Hosting", List.of(), null),
                java.time.Instant.parse("2026-01-15T08:00:00Z"));
        packs.importShipped(sandbox, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        ApiClient sandboxApi = new ApiClient(port, apiKeys.issue(sandbox, "test"));
        String account = sandboxApi.post("/api/v1/accounts", "{\"name\":\"Trial Ltd\",\"currency\":\"EUR\"}")
                .json().get("accountId").asText();
        JsonNode subscription = sandboxApi.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}").json();
        assertThat(subscription.get("startDate").asText()).as("today is the test clock's day").isEqualTo("2026-01-15");

        ApiClient.Response advanced = sandboxApi.post("/api/v1/test-clock/advance", "{\"to\":\"2026-03-20\"}");
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.json().get("now").asText()).isEqualTo("2026-03-20T00:00:00Z");
        assertThat(advanced.json().get("billing").get("issued")).extracting(i -> i.get("invoiceDate").asText())
                .containsExactlyInAnyOrder("2026-01-15", "2026-02-15", "2026-03-15");
        assertThat(sandboxApi.get("/api/v1/test-clock").json().get("now").asText()).isEqualTo("2026-03-20T00:00:00Z");

        ApiClient.Response back = sandboxApi.post("/api/v1/test-clock/advance", "{\"to\":\"2026-02-01\"}");
        assertThat(back.status()).isEqualTo(422);
        assertThat(back.json().get("detail").asText()).contains("cannot go back");
        ApiClient.Response garbage = sandboxApi.post("/api/v1/test-clock/advance", "{\"to\":\"next week\"}");
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void subscriptionChangesAreInvoicedAtOnceAndBadChangesAre422sThatChangeNothing() {
        TenantId sandbox = TenantId.of("s-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(sandbox, "Sandbox Hosting", List.of(), null),
                java.time.Instant.parse("2026-03-01T08:00:00Z"));
        packs.importShipped(sandbox, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        ApiClient sandboxApi = new ApiClient(port, apiKeys.issue(sandbox, "test"));
        String account = sandboxApi.post("/api/v1/accounts", "{\"name\":\"Mover Ltd\",\"currency\":\"EUR\"}")
                .json().get("accountId").asText();
        String id = sandboxApi.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Starter\"}").json().get("subscriptionId").asText();
        sandboxApi.post("/api/v1/test-clock/advance", "{\"to\":\"2026-03-17\"}");

        // a preview decides and prices the change, and records nothing
        int eventsBeforePreview = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
        ApiClient.Response preview = sandboxApi.post("/api/v1/subscriptions/" + id + "/preview/change-plan",
                "{\"plan\":\"Pro\"}");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("effectiveOn").asText()).isEqualTo("2026-03-17");
        assertThat(preview.json().get("invoices").get(0).get("total").asText()).isEqualTo("14.52");
        ApiClient.Response nextMonth = sandboxApi.get("/api/v1/accounts/" + account + "/invoice-preview?date=2026-04-01");
        assertThat(nextMonth.status()).isEqualTo(200);
        assertThat(nextMonth.json().get(0).get("total").asText()).as("Starter for April").isEqualTo("19.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class))
                .isEqualTo(eventsBeforePreview);

        // an upgrade without a timing: the default pack's policy applies it at once
        ApiClient.Response upgraded = sandboxApi.post("/api/v1/subscriptions/" + id + "/change-plan",
                "{\"plan\":\"Pro\"}");
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.json().get("subscription").get("plan").asText()).isEqualTo("Pro");
        assertThat(upgraded.json().get("subscription").get("timeline")).extracting(e -> e.get("from").asText()
                + " " + e.get("plan").asText()).containsExactly("2026-03-01 Starter", "2026-03-17 Pro");
        JsonNode invoiced = upgraded.json().get("invoiced");
        assertThat(invoiced).hasSize(1);
        // Pro 49.00 x 15/31 = 23.71, less Starter 19.00 x 15/31 = 9.19
        assertThat(invoiced.get(0).get("total").asText()).isEqualTo("14.52");
        assertThat(invoiced.get(0).get("invoiceDate").asText()).isEqualTo("2026-03-17");

        int eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
        ApiClient.Response zero = sandboxApi.post("/api/v1/subscriptions/" + id + "/change-quantity",
                "{\"quantity\":0,\"timing\":\"IMMEDIATE\"}");
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.contentType()).startsWith("application/problem+json");
        assertThat(zero.json().get("detail").asText()).contains("quantity must be at least 1");
        ApiClient.Response unknownList = sandboxApi.post("/api/v1/subscriptions/" + id + "/change-plan",
                "{\"plan\":\"Starter\",\"priceList\":\"STUDENT\"}");
        assertThat(unknownList.status()).isEqualTo(422);
        assertThat(unknownList.contentType()).startsWith("application/problem+json");
        assertThat(unknownList.json().get("detail").asText()).contains("unknown price list 'STUDENT'");
        ApiClient.Response badTiming = sandboxApi.post("/api/v1/subscriptions/" + id + "/cancel",
                "{\"timing\":\"SOMETIME\"}");
        assertThat(badTiming.status()).isEqualTo(400);
        ApiClient.Response unknown = sandboxApi.post("/api/v1/subscriptions/" + UUID.randomUUID() + "/pause", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        ApiClient.Response otherTenant = api.post("/api/v1/subscriptions/" + id + "/cancel", "{}");
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class))
                .as("events after the refused changes").isEqualTo(eventsBefore);

        ApiClient.Response cancelled = sandboxApi.post("/api/v1/subscriptions/" + id + "/cancel",
                "{\"timing\":\"END_OF_TERM\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("subscription").get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("subscription").get("endsOn").asText()).isEqualTo("2026-04-01");
        assertThat(sandboxApi.post("/api/v1/subscriptions/" + id + "/reinstate", "").json()
                .get("subscription").get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aOneOffChargeIsInvoicedOnceAndBadChargesAre422s() {
        String account = createAccount("Setup GmbH");
        String body = "{\"reference\":\"setup-1\",\"description\":\"Server setup\",\"quantity\":\"2\","
                + "\"unitPrice\":\"75.00\"}";
        ApiClient.Response first = api.post("/api/v1/accounts/" + account + "/charges", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("invoiced")).hasSize(1);
        assertThat(first.json().get("invoiced").get(0).get("total").asText()).isEqualTo("150.00");
        ApiClient.Response again = api.post("/api/v1/accounts/" + account + "/charges", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("added").asBoolean()).isFalse();
        assertThat(again.json().get("invoiced")).isEmpty();

        int events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
        ApiClient.Response wrongCurrency = api.post("/api/v1/accounts/" + account + "/charges",
                "{\"description\":\"x\",\"unitPrice\":\"5.00\",\"currency\":\"USD\"}");
        assertThat(wrongCurrency.status()).isEqualTo(422);
        assertThat(wrongCurrency.json().get("detail").asText()).contains("billed in EUR");
        assertThat(api.post("/api/v1/accounts/" + account + "/charges",
                "{\"description\":\"x\",\"unitPrice\":\"-5.00\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/accounts/" + account + "/charges", "{\"unitPrice\":\"5.00\"}").status())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class)).isEqualTo(events);
        assertThat(rows("one_off_charges")).isEqualTo(1);
    }

    @Test
    void aLiveTenantHasNoTestClock() {
        ApiClient.Response response = api.post("/api/v1/test-clock/advance", "{\"to\":\"2030-01-01\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("has no test clock");
    }

    private String billedInvoice(String accountName) {
        String account = createAccount(accountName);
        api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}");
        return api.post("/api/v1/billing-runs", "{}").json().get("issued").get(0).get("invoiceId").asText();
    }

    @Test
    void oneLineIsAdjustedAsACreditNoteLinkedToItAndNeverByMoreThanItHas() {
        String invoiceId = billedInvoice("Adjusted GmbH");
        JsonNode line = api.get("/api/v1/invoices/" + invoiceId).json().get("lines").get(0);
        String lineNo = line.get("lineNo").asText();
        ApiClient.Response preview = api.get("/api/v1/invoices/" + invoiceId + "/lines/" + lineNo
                + "/adjustments/preview?amount=9.00");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("amount").asText()).isEqualTo("9.00");
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/credit-notes").json()).isEmpty();

        ApiClient.Response adjusted = api.post("/api/v1/invoices/" + invoiceId + "/lines/" + lineNo + "/adjustments",
                "{\"amount\":\"9.00\",\"reason\":\"Backup not delivered\",\"reference\":\"adj-1\"}");
        assertThat(adjusted.status()).isEqualTo(201);
        assertThat(adjusted.json().get("adjustedLine").asInt()).isEqualTo(Integer.parseInt(lineNo));
        assertThat(new java.math.BigDecimal(adjusted.json().get("amount").asText()))
                .isEqualByComparingTo(preview.json().get("total").asText());

        int events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
        ApiClient.Response tooMuch = api.post("/api/v1/invoices/" + invoiceId + "/lines/" + lineNo + "/adjustments",
                "{\"amount\":\"1000.00\",\"reason\":\"Price too high\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        assertThat(tooMuch.json().get("detail").asText()).contains("left to adjust");
        assertThat(api.post("/api/v1/invoices/" + invoiceId + "/lines/99/adjustments",
                "{\"reason\":\"x\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/invoices/" + invoiceId + "/lines/" + lineNo + "/adjustments",
                "{\"amount\":\"1.00\"}").status()).as("no reason").isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class)).isEqualTo(events);
    }

    @Test
    void partialPaymentsThenAnOverpaymentThatBecomesAccountCredit() {
        String invoiceId = billedInvoice("Paying GmbH");
        String account = api.get("/api/v1/invoices/" + invoiceId).json().get("accountId").asText();

        ApiClient.Response first = api.post("/api/v1/invoices/" + invoiceId + "/payments",
                "{\"amount\":\"20.00\",\"paymentId\":\"bank-1\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("balance").asText()).isEqualTo("29.00");
        assertThat(first.json().get("status").asText()).isEqualTo("FINALIZED");
        // the same bank transfer reported twice is applied once
        api.post("/api/v1/invoices/" + invoiceId + "/payments", "{\"amount\":\"20.00\",\"paymentId\":\"bank-1\"}");

        JsonNode paid = api.post("/api/v1/invoices/" + invoiceId + "/payments",
                "{\"amount\":\"40.00\",\"paymentId\":\"bank-2\"}").json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("amountPaid").asText()).isEqualTo("49.00");
        assertThat(paid.get("balance").asText()).isEqualTo("0.00");

        JsonNode balance = api.get("/api/v1/accounts/" + account + "/balance").json();
        assertThat(balance.get("openInvoices").asText()).isEqualTo("0.00");
        assertThat(balance.get("credit").asText()).isEqualTo("11.00");
        assertThat(balance.get("balance").asText()).isEqualTo("-11.00");
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/payments").json())
                .extracting(p -> p.get("paymentId").asText() + " " + p.get("applied").asText() + " " + p.get("overpaid").asText())
                .containsExactly("bank-1 20.00 0.00", "bank-2 29.00 11.00");
    }

    @Test
    void creditGivenAndTakenBackByHandMovesTheBalanceAndBadRequestsAre422sThatChangeNothing() {
        String account = createAccount("Goodwill GmbH");
        ApiClient.Response given = api.post("/api/v1/accounts/" + account + "/credits",
                "{\"amount\":\"25.00\",\"reason\":\"Outage on 3 March\",\"reference\":\"gw-1\"}");
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.json().get("creditId").asText()).isEqualTo("gw-1");
        assertThat(given.json().get("balance").get("credit").asText()).isEqualTo("25.00");
        // the same reference again gives nothing twice
        api.post("/api/v1/accounts/" + account + "/credits",
                "{\"amount\":\"25.00\",\"reason\":\"Outage on 3 March\",\"reference\":\"gw-1\"}");
        ApiClient.Response taken = api.post("/api/v1/accounts/" + account + "/debits",
                "{\"amount\":\"10.00\",\"reason\":\"Given twice by mistake\"}");
        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("balance").get("credit").asText()).isEqualTo("15.00");
        assertThat(api.get("/api/v1/accounts/" + account + "/credits").json())
                .extracting(e -> e.get("kind").asText() + " " + e.get("amount").asText() + " " + e.get("reason").asText())
                .containsExactly("TAKEN -10.00 Given twice by mistake", "GIVEN 25.00 Outage on 3 March");

        int events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
        ApiClient.Response tooMuch = api.post("/api/v1/accounts/" + account + "/debits",
                "{\"amount\":\"15.01\",\"reason\":\"Paid out by bank\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        assertThat(tooMuch.json().get("detail").asText()).contains("holds only 15.00 EUR of credit");
        assertThat(api.post("/api/v1/accounts/" + account + "/credits",
                "{\"amount\":\"-1\",\"reason\":\"x\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/accounts/" + account + "/credits",
                "{\"amount\":\"1.00\",\"currency\":\"USD\",\"reason\":\"x\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/accounts/" + account + "/credits", "{\"amount\":\"1.00\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/accounts/" + UUID.randomUUID() + "/credits",
                "{\"amount\":\"1.00\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class)).isEqualTo(events);
    }

    @Test
    void aSubscriptionGetsATrialOfItsOwnAndABadTrialIsRefused() {
        String account = createAccount("Trial GmbH");
        ApiClient.Response refused = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\",\"trialDays\":14}");
        assertThat(refused.status()).as("the default pack's Pro has no trial phase").isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("has no trial phase");
        assertThat(api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\",\"trialDays\":-1}").status())
                .isEqualTo(400);
        assertThat(rows("subscriptions")).isZero();
        assertThat(api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\",\"trialDays\":0}").status())
                .isEqualTo(201);
    }

    @Test
    void theGatewayCollectsTheOpenBalanceAndADeclineRecordsNothing() {
        String invoiceId = billedInvoice("Card Ltd");
        ApiClient.Response declined = api.post("/api/v1/invoices/" + invoiceId + "/payments",
                "{\"method\":\"gateway\",\"amount\":\"0.13\"}");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().get("detail").asText()).contains("declined");
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/payments").json()).isEmpty();

        JsonNode paid = api.post("/api/v1/invoices/" + invoiceId + "/payments", "{\"method\":\"gateway\"}").json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/payments").json().get(0).get("method").asText())
                .isEqualTo("gateway");
    }

    @Test
    void aRefundReopensTheInvoiceAndCannotExceedWhatWasPaid() {
        String invoiceId = billedInvoice("Refund GmbH");
        api.post("/api/v1/invoices/" + invoiceId + "/payments", "{\"amount\":\"49.00\"}");
        ApiClient.Response tooMuch = api.post("/api/v1/invoices/" + invoiceId + "/refunds",
                "{\"amount\":\"50.00\",\"reason\":\"oops\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        JsonNode refunded = api.post("/api/v1/invoices/" + invoiceId + "/refunds",
                "{\"amount\":\"9.00\",\"reason\":\"goodwill\"}").json();
        assertThat(refunded.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(refunded.get("balance").asText()).isEqualTo("9.00");
    }

    @Test
    void aVoidedInvoiceTakesNoPaymentAndItsPeriodIsBilledAgainByTheNextRun() {
        String invoiceId = billedInvoice("Void SARL");
        ApiClient.Response voided = api.post("/api/v1/invoices/" + invoiceId + "/void",
                "{\"reason\":\"issued to the wrong entity\"}");
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("VOID");
        assertThat(voided.json().get("balance").asText()).isEqualTo("0.00");

        ApiClient.Response payment = api.post("/api/v1/invoices/" + invoiceId + "/payments", "{\"amount\":\"60.00\"}");
        assertThat(payment.status()).isEqualTo(422);
        assertThat(payment.json().get("detail").asText()).contains("is void");

        JsonNode rebilled = api.post("/api/v1/billing-runs", "{}").json().get("issued");
        assertThat(rebilled).hasSize(1);
        assertThat(rebilled.get(0).get("invoiceId").asText()).isNotEqualTo(invoiceId);
        assertThat(rebilled.get(0).get("number").asText()).isEqualTo("INV-000002");
        assertThat(rebilled.get(0).get("total").asText()).isEqualTo("49.00");
        assertThat(api.post("/api/v1/billing-runs", "{}").json().get("issued")).isEmpty();
    }

    @Test
    void paymentsInTheWrongCurrencyOrOnUnknownInvoicesAreRefused() {
        String invoiceId = billedInvoice("Strict AG");
        ApiClient.Response dollars = api.post("/api/v1/invoices/" + invoiceId + "/payments",
                "{\"amount\":\"49.00\",\"currency\":\"USD\"}");
        assertThat(dollars.status()).isEqualTo(422);
        assertThat(dollars.json().get("detail").asText()).contains("cannot be applied");
        ApiClient.Response unknown = api.post("/api/v1/invoices/" + UUID.randomUUID() + "/payments",
                "{\"amount\":\"1.00\",\"currency\":\"EUR\"}");
        assertThat(unknown.status()).isEqualTo(404);
        ApiClient.Response noAmount = api.post("/api/v1/invoices/" + invoiceId + "/payments", "{}");
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/payments").json()).isEmpty();
    }

    private String meteredSubscription() {
        String account = createAccount("Metered GmbH " + UUID.randomUUID());
        String subscription = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                .json().get("subscriptionId").asText();
        assertThat(api.post("/api/v1/meters", "{\"code\":\"api_calls\",\"unit\":\"call\",\"aggregation\":\"SUM\"}")
                .status()).isEqualTo(201);
        return subscription;
    }

    private static String usageEvent(String tx, String subscription, String quantity) {
        return "{\"transactionId\":\"" + tx + "\",\"subscriptionId\":\"" + subscription
                + "\",\"meter\":\"api_calls\",\"quantity\":" + quantity + ",\"timestamp\":\""
                + java.time.Instant.now().minusSeconds(60) + "\"}";
    }

    @Test
    void usageBatchesSayPerEventWhatHappened() {
        String subscription = meteredSubscription();
        String body = "{\"events\":[" + usageEvent("a", subscription, "\"10\"") + ","
                + usageEvent("b", subscription, "2.5") + "," + usageEvent("c", subscription, "\"ten\"") + ","
                + usageEvent("d", "not-a-uuid", "1") + "]}";
        JsonNode first = api.post("/api/v1/usage", body).json();
        assertThat(first.get("accepted").asInt()).isEqualTo(2);
        assertThat(first.get("rejected").asInt()).isEqualTo(2);
        assertThat(first.get("results").get(2).get("reason").asText()).contains("quantity is not a decimal number");
        assertThat(first.get("results").get(3).get("status").asText()).isEqualTo("REJECTED");

        JsonNode again = api.post("/api/v1/usage", body).json();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("accepted").asInt()).isZero();

        JsonNode usage = api.get("/api/v1/subscriptions/" + subscription + "/usage").json();
        assertThat(usage.get("meters").get(0).get("quantity").asText()).isEqualTo("12.5");
    }

    @Test
    void bulkUploadsAsNdjsonAndCsv() {
        String subscription = meteredSubscription();
        String ndjson = usageEvent("n1", subscription, "1") + "\n" + usageEvent("n2", subscription, "2") + "\n{oops\n";
        JsonNode fromNdjson = api.post("/api/v1/usage", "application/x-ndjson", ndjson).json();
        assertThat(fromNdjson.get("accepted").asInt()).isEqualTo(2);
        assertThat(fromNdjson.get("rejected").asInt()).isEqualTo(1);
        assertThat(fromNdjson.get("results").get(0).get("position").asInt()).isEqualTo(2);

        String at = java.time.Instant.now().minusSeconds(30).toString();
        String csv = "transactionId,subscriptionId,meter,quantity,timestamp\n"
                + "c1," + subscription + ",api_calls,4," + at + "\n"
                + "c2," + subscription + ",api_calls,-1," + at + "\n";
        JsonNode fromCsv = api.post("/api/v1/usage", "text/csv", csv).json();
        assertThat(fromCsv.get("accepted").asInt()).isEqualTo(1);
        assertThat(fromCsv.get("results").get(0).get("reason").asText()).contains("does not accept corrections");
        assertThat(api.post("/api/v1/usage", "text/csv", "tx,sub\n").status()).isEqualTo(400);
    }

    @Test
    void usageSentWithOnlyTheAccountCountsForItsOneSubscriptionAndKeepsItsProperties() {
        String account = createAccount("Metered by account GmbH");
        String subscription = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                .json().get("subscriptionId").asText();
        assertThat(api.post("/api/v1/meters", "{\"code\":\"api_calls\",\"unit\":\"call\",\"aggregation\":\"SUM\"}")
                .status()).isEqualTo(201);
        String at = java.time.Instant.now().minusSeconds(60).toString();
        String body = "{\"events\":["
                + "{\"transactionId\":\"acc-1\",\"accountId\":\"" + account + "\",\"meter\":\"api_calls\","
                + "\"quantity\":\"4\",\"timestamp\":\"" + at + "\",\"properties\":{\"region\":\"eu-west\",\"vm\":17,"
                + "\"spot\":true}},"
                + "{\"transactionId\":\"acc-2\",\"accountId\":\"" + account + "\",\"meter\":\"api_calls\","
                + "\"quantity\":1,\"timestamp\":\"" + at + "\",\"properties\":{\"tags\":{\"team\":\"a\"}}},"
                + "{\"transactionId\":\"acc-3\",\"accountId\":\"" + UUID.randomUUID() + "\",\"meter\":\"api_calls\","
                + "\"quantity\":1,\"timestamp\":\"" + at + "\"}]}";

        JsonNode response = api.post("/api/v1/usage", body).json();

        JsonNode results = response.get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).get("subscriptionId").asText()).isEqualTo(subscription);
        assertThat(results.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).get("reason").asText()).isEqualTo(
                "property 'tags' is an object; properties take strings, numbers or booleans");
        assertThat(results.get(2).get("reason").asText()).startsWith("unknown account");
        assertThat(jdbc.queryForObject("SELECT properties::text FROM usage_events WHERE tenant_id = ?", String.class,
                tenant.value())).isEqualTo("{\"vm\": \"17\", \"spot\": \"true\", \"region\": \"eu-west\"}");
        assertThat(api.post("/api/v1/usage", body).json().get("duplicates").asInt()).isEqualTo(1);

        String csv = "transactionId,accountId,meter,quantity,timestamp\nacc-csv," + account + ",api_calls,5," + at + "\n";
        assertThat(api.post("/api/v1/usage", "text/csv", csv).json().get("accepted").asInt()).isEqualTo(1);
        JsonNode usage = api.get("/api/v1/subscriptions/" + subscription + "/usage").json();
        assertThat(usage.get("meters").get(0).get("quantity").asText()).isEqualTo("9");
    }

    @Test
    void aUsageBatchOverTenThousandEventsIsA413AndStoresNothing() {
        String subscription = meteredSubscription();
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= 10_000; i++) {
            body.append(i == 0 ? "" : ",").append(usageEvent("big-" + i, subscription, "1"));
        }
        ApiClient.Response response = api.post("/api/v1/usage", body.append("]}").toString());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(rows("usage_events")).isZero();
    }

    @Test
    void openApiDescribesTheApi() {
        JsonNode docs = new ApiClient(port, null).get("/v3/api-docs").json();
        assertThat(docs.get("paths").has("/api/v1/accounts")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/invoices/{invoiceId}.pdf")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/subscriptions/{subscriptionId}/change-plan")).isTrue();
        assertThat(new ApiClient(port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
