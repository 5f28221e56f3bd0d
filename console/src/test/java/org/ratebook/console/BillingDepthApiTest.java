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
    private String account;
    private String subscription;

    @BeforeEach
    void customerOnStarter() {
        TenantId tenant = TenantId.of("depth-" + UUID.randomUUID().toString().substring(0, 8));
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
}
