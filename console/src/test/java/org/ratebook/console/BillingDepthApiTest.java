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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, second part, over HTTP on a sandbox's test clock: the proration behaviour of one change, automatic
 * invoicing switched off per account, dunning on the unpaid balance and count. The billing behaviour itself is
 * specified in features/; this checks the endpoints reach it and refuse bad input with problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingDepthApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;
    private TenantId tenantId;
    private String account;
    private String subscription;

    @BeforeEach
    void customerOnStarter() {
        TenantId tenant = TenantId.of("depth-" + UUID.randomUUID().toString().substring(0, 8));
        tenantId = tenant;
        tenants.createSandbox(new Tenant(tenant, "Depth Hosting", List.of(), null), Instant.parse("2026-03-01T00:00:00Z"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
        account = api.post("/api/v1/accounts",
                "{\"name\":\"ACME GmbH\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"UTC\"}")
                .json().get("accountId").asText();
        ApiClient.Response subscribed = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Starter\",\"startDate\":\"2026-03-01\"}");
        assertThat(subscribed.status()).isEqualTo(201);
        subscription = subscribed.json().get("subscriptionId").asText();
    }

    private void advanceTo(String day) {
        assertThat(api.post("/api/v1/test-clock/advance", "{\"to\":\"" + day + "\"}").status()).isEqualTo(200);
    }

    private List<String> invoiceTotals() {
        List<String> totals = new java.util.ArrayList<>();
        for (JsonNode invoice : api.get("/api/v1/invoices?accountId=" + account).json()) {
            totals.add(invoice.get("invoiceDate").asText() + " " + invoice.get("total").asText());
        }
        totals.sort(null);
        return totals;
    }

    @Test
    void aPlanChangeCarriesItsProrationToTheNextInvoiceWhenTheRequestSaysSo() {
        advanceTo("2026-03-16");
        ApiClient.Response bad = api.post("/api/v1/subscriptions/" + subscription + "/change-plan",
                "{\"plan\":\"Pro\",\"timing\":\"IMMEDIATE\",\"prorationBehaviour\":\"SOMETIMES\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/subscriptions/" + subscription).json().get("plan").asText()).isEqualTo("Starter");

        // the preview says nothing is invoiced today and shows the invoice that will carry the proration
        ApiClient.Response preview = api.post("/api/v1/subscriptions/" + subscription + "/preview/change-plan",
                "{\"plan\":\"Pro\",\"timing\":\"IMMEDIATE\",\"prorationBehaviour\":\"CREATE_PRORATIONS\"}");
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("invoices")).as(preview.text()).isEmpty();
        assertThat(preview.json().get("nextInvoice").get("invoiceDate").asText()).isEqualTo("2026-04-01");
        assertThat(preview.json().get("nextInvoice").get("total").asText()).isEqualTo("64.48");
        ApiClient.Response atOnce = api.post("/api/v1/subscriptions/" + subscription + "/preview/change-plan",
                "{\"plan\":\"Pro\",\"timing\":\"IMMEDIATE\",\"prorationBehaviour\":\"ALWAYS_INVOICE\"}");
        assertThat(atOnce.json().get("nextInvoice").isNull()).as(atOnce.text()).isTrue();

        ApiClient.Response changed = api.post("/api/v1/subscriptions/" + subscription + "/change-plan",
                "{\"plan\":\"Pro\",\"timing\":\"IMMEDIATE\",\"prorationBehaviour\":\"CREATE_PRORATIONS\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("invoiced")).as("nothing invoiced on the day of the change").isEmpty();

        advanceTo("2026-04-01");
        // Pro 49.00 x 16/31 = 25.29, Starter 19.00 x 16/31 = 9.81 back, April 49.00
        assertThat(invoiceTotals()).containsExactly("2026-03-01 19.00", "2026-04-01 64.48");
    }

    @Test
    void automaticInvoicingSwitchedOffHoldsTheAccountsInvoicesAndSwitchedBackOnInvoicesThemAtOnce() {
        advanceTo("2026-03-02");
        String path = "/api/v1/accounts/" + account + "/automatic-invoicing";
        assertThat(api.get(path).json().get("off").asBoolean()).isFalse();
        ApiClient.Response bad = api.put(path, "{\"reason\":\"no state given\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(api.put("/api/v1/accounts/" + UUID.randomUUID() + "/automatic-invoicing", "{\"on\":false}")
                .status()).isEqualTo(404);

        JsonNode off = api.put(path, "{\"on\":false,\"reason\":\"contract under review\"}").json();
        assertThat(off.get("off").asBoolean()).isTrue();
        assertThat(off.get("offSince").asText()).isEqualTo("2026-03-02");

        advanceTo("2026-05-15");
        assertThat(invoiceTotals()).as("April and May held").containsExactly("2026-03-01 19.00");

        JsonNode on = api.put(path, "{\"on\":true}").json();
        assertThat(on.get("off").asBoolean()).isFalse();
        assertThat(on.get("onSince").asText()).isEqualTo("2026-05-15");
        assertThat(on.get("invoiced")).hasSize(1);
        assertThat(on.get("invoiced").get(0).get("total").asText()).isEqualTo("38.00");
        assertThat(api.put(path, "{\"on\":true}").json().get("invoiced")).as("nothing twice").isEmpty();
        assertThat(invoiceTotals()).containsExactly("2026-03-01 19.00", "2026-05-15 38.00");
    }

    @Test
    void aDunningTableWithAnUnpaidBalanceIsUploadedOverTheApiAndWarnsTheCustomerOnceItOwesThatMuch() throws Exception {
        ApiClient bob = new ApiClient(port, apiKeys.issue(tenantId, "bob"));
        byte[] exported = api.get("/api/v1/rule-packs/1/export").body();
        String header = "state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions,min_unpaid_balance\n";
        String thresholdRule = java.nio.file.Files.readString(
                java.nio.file.Path.of("../tenants/packs/msp/rules/suspension.drl"));

        ApiClient.Response bad = api.post("/api/v1/rule-packs/drafts", "application/zip", zipWith(exported, java.util.Map.of(
                "dunning/thresholds.csv", header + "WARNED,,,EUR,,BLOCK_PLAN_CHANGES,lots\n",
                "rules/suspension.drl", thresholdRule)));
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.text()).contains("min_unpaid_balance");

        ApiClient.Response draft = api.post("/api/v1/rule-packs/drafts", "application/zip", zipWith(exported,
                java.util.Map.of("dunning/thresholds.csv", header + "WARNED,,,EUR,,BLOCK_PLAN_CHANGES,38.00\n",
                        "rules/suspension.drl", thresholdRule)));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        int ready = draft.json().get("version").asInt();
        assertThat(bob.post("/api/v1/rule-packs/" + ready + "/approve", "").status()).isEqualTo(200);
        ApiClient.Response published = bob.post("/api/v1/rule-packs/" + ready + "/publish",
                "{\"effectiveFrom\":\"2026-03-01\"}");
        assertThat(published.status()).as(published.text()).isEqualTo(200);

        advanceTo("2026-03-31");
        assertThat(api.get("/api/v1/accounts/" + account + "/standing").json().get("state").asText())
                .as("EUR 19.00 unpaid").isEqualTo("GOOD");
        advanceTo("2026-04-01");
        JsonNode standing = api.get("/api/v1/accounts/" + account + "/standing").json();
        assertThat(standing.get("state").asText()).as("EUR 38.00 unpaid").isEqualTo("WARNED");
        assertThat(standing.get("why").get("unpaidBalance").asText()).isEqualTo("38.00");
        assertThat(standing.get("why").get("rules").toString())
                .isEqualTo("[\"A threshold of the seller's dunning table is reached\"]");
    }

    /** The exported pack folder with some files replaced or added, and a dunning thresholds table declared. */
    private static byte[] zipWith(byte[] zip, java.util.Map<String, String> files) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             var copy = new java.util.zip.ZipOutputStream(out)) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                String name = entry.getName();
                String relative = name.contains("/") && !files.containsKey(name)
                        ? name.substring(name.indexOf('/') + 1) : name;
                String key = files.containsKey(name) ? name : files.containsKey(relative) ? relative : null;
                if (relative.equals("pack.properties") || name.equals("pack.properties")) {
                    // the table is read from the file pack.properties names for it
                    content = (new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            + "\ndunning.thresholds=dunning/thresholds.csv\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new java.util.zip.ZipEntry(name));
                copy.write(key == null ? content : files.get(key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                copy.closeEntry();
                if (key != null) {
                    written.add(key);
                }
            }
            for (var file : files.entrySet()) {
                if (!written.contains(file.getKey())) {
                    copy.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                    copy.write(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    copy.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }
}
