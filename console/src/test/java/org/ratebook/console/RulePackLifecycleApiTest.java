package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A price change from draft to invoice over the HTTP API, by two people (two API keys), and every refusal on the
 * way: a 422 problem with the reason, and no event written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulePackLifecycleApiTest {

    private static final String PRO_AT_59 = """
            plan,product,currency,price,billing_period,billing_mode
            Starter,Hosting,EUR,19.00,MONTHLY,IN_ADVANCE
            Pro,Hosting,EUR,59.00,MONTHLY,IN_ADVANCE
            """;

    private static final String EXITING_PRICING = """
            package ratebook.pricing;

            import org.ratebook.rules.fact.SubscriptionPeriod;

            global org.ratebook.rules.decision.PricingOutput pricing;

            rule "Stop the server"
            when
                $period : SubscriptionPeriod( )
            then
                System.exit(0);
            end
            """;

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private ApiClient alice;
    private ApiClient bob;
    private TenantId tenant;

    @BeforeEach
    void tenantWithTwoPeople() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Pack Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        alice = new ApiClient(port, apiKeys.issue(tenant, "alice"));
        bob = new ApiClient(port, apiKeys.issue(tenant, "bob"));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private int draftFromInEffect(ApiClient who) {
        ApiClient.Response draft = who.post("/api/v1/rule-packs/drafts", "{}");
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        return draft.json().get("version").asInt();
    }

    private static void assertRefused(ApiClient.Response response, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    @Test
    void aPriceChangeIsDraftedValidatedApprovedByASecondPersonPublishedAndPricesTheNextInvoice() {
        int copy = draftFromInEffect(alice);
        assertThat(copy).isEqualTo(2);

        ApiClient.Response edited = alice.put("/api/v1/rule-packs/2/files/catalog/plans.csv", "text/csv", PRO_AT_59);
        assertThat(edited.status()).as(edited.text()).isEqualTo(201);
        JsonNode created = edited.json();
        assertThat(created.get("version").asInt()).isEqualTo(3);
        assertThat(created.get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.get("author").asText()).startsWith("api key 'alice'");

        JsonNode validation = alice.post("/api/v1/rule-packs/3/validate", "").json();
        assertThat(validation.get("valid").asBoolean()).isTrue();
        assertThat(validation.get("violations")).isEmpty();

        JsonNode simulation = alice.post("/api/v1/rule-packs/3/simulate",
                "{\"country\":\"DE\",\"currency\":\"EUR\",\"subscriptions\":[{\"plan\":\"Pro\",\"quantity\":1}]}")
                .json();
        assertThat(simulation.get("draft").get("version").asInt()).isEqualTo(3);
        assertThat(simulation.get("draft").get("total").asText()).isEqualTo("59.00");
        JsonNode line = simulation.get("draft").get("lines").get(0);
        assertThat(line.get("subscription").asText()).isEqualTo("sample-1");
        assertThat(line.get("itemType").asText()).isEqualTo("RECURRING");
        assertThat(line.get("amount").asText()).isEqualTo("59.00");
        assertThat(line.get("rules").toString()).contains("Recurring plan price from the catalog");
        assertThat(simulation.get("draft").get("firedRules").toString())
                .contains("PRICING: Recurring plan price from the catalog");
        assertThat(simulation.get("inEffect").get("version").asInt()).isEqualTo(1);
        assertThat(simulation.get("inEffect").get("total").asText()).isEqualTo("49.00");

        ApiClient.Response tested = bob.post("/api/v1/rule-packs/3/tests",
                "{\"country\":\"DE\",\"currency\":\"EUR\",\"subscriptions\":[{\"plan\":\"Pro\",\"quantity\":1}]}");
        assertThat(tested.status()).as(tested.text()).isEqualTo(200);
        assertThat(tested.json().get("draft").get("total").asText()).isEqualTo("59.00");
        JsonNode testedVersion = alice.get("/api/v1/rule-packs").json().get(0);
        assertThat(testedVersion.get("version").asInt()).isEqualTo(3);
        assertThat(testedVersion.get("testedBy").asText()).startsWith("api key 'bob'");
        assertThat(testedVersion.get("testSummary").asText()).as("the test is kept with its outcome")
                .contains("a sample customer in DE", "EUR 59.00 with this version", "EUR 49.00 in effect");

        long before = events();
        assertRefused(alice.post("/api/v1/rule-packs/3/approve", ""), "a second person must approve it");
        assertThat(events()).isEqualTo(before);

        ApiClient.Response approved = bob.post("/api/v1/rule-packs/3/approve", "");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedBy").asText()).startsWith("api key 'bob'");

        ApiClient.Response published = bob.post("/api/v1/rule-packs/3/publish",
                "{\"effectiveFrom\":\"" + today() + "\"}");
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("effectiveFrom").asText()).isEqualTo(today().toString());

        String account = alice.post("/api/v1/accounts",
                "{\"name\":\"ACME GmbH\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"UTC\"}")
                .json().get("accountId").asText();
        assertThat(alice.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                .status()).isEqualTo(201);
        JsonNode issued = alice.post("/api/v1/billing-runs", "{}").json().get("issued");
        assertThat(issued).hasSize(1);
        JsonNode invoice = alice.get("/api/v1/invoices/" + issued.get(0).get("invoiceId").asText()).json();
        assertThat(invoice.get("total").asText()).isEqualTo("59.00");
        assertThat(invoice.get("rulePack").get("version").asInt()).isEqualTo(3);

        before = events();
        assertRefused(alice.post("/api/v1/rule-packs/3/tests",
                "{\"country\":\"DE\",\"currency\":\"EUR\",\"subscriptions\":[{\"plan\":\"Pro\"}]}"),
                "already published");
        assertThat(events()).as("a refused test writes nothing").isEqualTo(before);

        JsonNode versions = alice.get("/api/v1/rule-packs").json();
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(versions.get(0).get("author").asText()).startsWith("api key 'alice'");
        assertThat(versions.get(0).get("approvedBy").asText()).startsWith("api key 'bob'");
    }

    @Test
    void aDraftUploadedAsTheExportedZipKeepsTheContentHash() {
        byte[] zip = alice.get("/api/v1/rule-packs/1/export").body();
        ApiClient.Response created = alice.post("/api/v1/rule-packs/drafts", "application/zip", zip);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(2);
        assertThat(created.json().get("contentHash").asText())
                .isEqualTo(RulePackLoader.defaultPack().contentHash());
    }

    @Test
    void aMaliciousDrlIsRejectedByTheValidatorWithFileLineAndMessageAndNothingIsSaved() {
        int draft = draftFromInEffect(alice);
        long before = events();

        ApiClient.Response edit = alice.put("/api/v1/rule-packs/" + draft + "/files/rules/pricing.drl", "text/plain",
                EXITING_PRICING);

        assertRefused(edit, "the rule pack does not validate");
        JsonNode violation = edit.json().get("violations").get(0);
        assertThat(violation.get("file").asText()).isEqualTo("rules/pricing.drl");
        assertThat(violation.get("line").asInt()).isEqualTo(11);
        assertThat(violation.get("message").asText()).startsWith("System is not allowed");
        assertThat(events()).isEqualTo(before);
        assertThat(alice.get("/api/v1/rule-packs").json()).hasSize(2);
    }

    @Test
    void aMaliciousZipIsRefusedOnUploadAndReportedByTheDryRunValidation() throws IOException {
        Map<String, String> files = new java.util.TreeMap<>(org.ratebook.rules.pack.RulePackExport.files(
                RulePackLoader.defaultPack()));
        files.put("rules/pricing.drl", EXITING_PRICING);
        byte[] zip = zip(files);
        long before = events();

        ApiClient.Response dryRun = alice.post("/api/v1/rule-packs/validate", "application/zip", zip);
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().get("valid").asBoolean()).isFalse();
        assertThat(dryRun.json().get("violations").get(0).get("message").asText()).startsWith("System is not allowed");

        assertRefused(alice.post("/api/v1/rule-packs/drafts", "application/zip", zip), "System is not allowed");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aDrlThatDoesNotCompileIsRefusedWithTheCompilersLine() {
        int draft = draftFromInEffect(alice);
        long before = events();
        ApiClient.Response edit = alice.put("/api/v1/rule-packs/" + draft + "/files/rules/tax.drl", "text/plain",
                """
                package ratebook.tax;

                rule "Broken"
                when
                    NoSuchFact( )
                then
                end
                """);
        assertRefused(edit, "the rule pack does not validate");
        assertThat(edit.json().get("violations").get(0).get("file").asText()).isEqualTo("rules/tax.drl");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everyLifecycleRefusalIsA422ProblemAndWritesNothing() {
        int draft = draftFromInEffect(alice);
        long before = events();

        assertRefused(bob.post("/api/v1/rule-packs/" + draft + "/publish", "{\"effectiveFrom\":\"" + today() + "\"}"),
                "it must be approved before it is published");
        assertRefused(bob.post("/api/v1/rule-packs/" + draft + "/roll-back", ""), "was never published");
        assertRefused(alice.put("/api/v1/rule-packs/1/files/catalog/plans.csv", "text/csv", PRO_AT_59),
                "only a draft can be edited");
        assertRefused(alice.put("/api/v1/rule-packs/" + draft + "/files/notes/readme.txt", "text/plain", "hi"),
                "a new file can only be a DRL file under rules/");
        assertRefused(alice.post("/api/v1/rule-packs/drafts", "application/zip", "not a zip".getBytes()),
                "zip");
        assertThat(events()).isEqualTo(before);

        assertThat(bob.post("/api/v1/rule-packs/" + draft + "/approve", "").status()).isEqualTo(200);
        long approved = events();
        assertRefused(alice.post("/api/v1/rule-packs/" + draft + "/approve", ""), "only a draft can be approved");
        assertRefused(bob.post("/api/v1/rule-packs/" + draft + "/publish",
                "{\"effectiveFrom\":\"" + today().minusDays(1) + "\"}"), "effectiveFrom must be today");
        assertRefused(bob.post("/api/v1/rule-packs/" + draft + "/publish", "{}"), "effectiveFrom is required");
        assertThat(events()).isEqualTo(approved);
        assertThat(bob.post("/api/v1/rule-packs/9/approve", "").status()).isEqualTo(404);
    }

    @Test
    void rollingBackMakesTheEarlierVersionsContentADraftThatNeedsApproval() {
        int draft = draftFromInEffect(alice);
        alice.put("/api/v1/rule-packs/" + draft + "/files/catalog/plans.csv", "text/csv", PRO_AT_59);
        int priced = draft + 1;
        bob.post("/api/v1/rule-packs/" + priced + "/approve", "");
        bob.post("/api/v1/rule-packs/" + priced + "/publish", "{\"effectiveFrom\":\"" + today().plusDays(10) + "\"}");

        ApiClient.Response rolledBack = bob.post("/api/v1/rule-packs/1/roll-back", "");

        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(201);
        assertThat(rolledBack.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(rolledBack.json().get("contentHash").asText()).isEqualTo(RulePackLoader.defaultPack().contentHash());
        int version = rolledBack.json().get("version").asInt();
        assertRefused(bob.post("/api/v1/rule-packs/" + version + "/approve", ""), "a second person must approve it");
        assertThat(alice.post("/api/v1/rule-packs/" + version + "/approve", "").status()).isEqualTo(200);
    }

    @Test
    void aSimulationOfAnExistingAccountComparesTheDraftWithTheVersionInEffect() {
        String account = alice.post("/api/v1/accounts",
                "{\"name\":\"Sample GmbH\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"UTC\"}")
                .json().get("accountId").asText();
        alice.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Starter\"}");
        int draft = draftFromInEffect(alice);
        alice.put("/api/v1/rule-packs/" + draft + "/files/catalog/plans.csv", "text/csv",
                PRO_AT_59.replace("19.00", "21.00"));
        long before = events();

        JsonNode simulation = alice.post("/api/v1/rule-packs/" + (draft + 1) + "/simulate",
                "{\"accountId\":\"" + account + "\"}").json();

        assertThat(simulation.get("draft").get("total").asText()).isEqualTo("21.00");
        assertThat(simulation.get("inEffect").get("total").asText()).isEqualTo("19.00");
        assertThat(events()).isEqualTo(before);
        assertRefused(alice.post("/api/v1/rule-packs/" + draft + "/simulate", "{\"country\":\"DE\"}"),
                "needs an accountId, or a currency and a country");
    }

    @Test
    void theOpenApiDocumentListsEveryLifecycleStep() {
        JsonNode paths = new ApiClient(port, null).get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/rule-packs/drafts")).isTrue();
        assertThat(paths.get("/api/v1/rule-packs/drafts").get("post")).isNotNull();
        assertThat(paths.has("/api/v1/rule-packs/validate")).isTrue();
        for (String step : List.of("validate", "simulate", "tests", "approve", "publish", "roll-back")) {
            assertThat(paths.has("/api/v1/rule-packs/{version}/" + step)).as(step).isTrue();
        }
        assertThat(paths.fieldNames()).toIterable().anyMatch(p -> p.startsWith("/api/v1/rule-packs/{version}/files/"));
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("my-pack/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
