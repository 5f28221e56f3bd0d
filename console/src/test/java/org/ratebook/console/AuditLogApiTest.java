package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log over the API: every command with who, when, from where and its outcome; filters, paging, CSV. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    private ApiClient tenantWithKey(String label) {
        TenantId tenant = TenantId.of("aud-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Audited Ltd", List.of("1 Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        return new ApiClient(port, apiKeys.issue(tenant, label));
    }

    @Test
    void commandsAreRecordedWithWhoWhenFromWhereTargetAndOutcome() {
        ApiClient api = tenantWithKey("ci");
        String account = api.post("/api/v1/accounts", "{\"name\":\"Audited GmbH\",\"currency\":\"EUR\",\"country\":\"DE\"}")
                .json().get("accountId").asText();
        assertThat(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"NoSuchPlan\"}")
                .status()).isEqualTo(422);
        assertThat(api.put("/api/v1/billing-settings", "{\"invoicePrefix\":\"AUD\",\"invoiceNumberFormat\":"
                + "\"{prefix}-{seq:6}\",\"paymentTermsDays\":30}").status()).isEqualTo(200);

        JsonNode entries = api.get("/api/v1/audit-log").json().get("entries");
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asText() + " " + e.get("outcome").asText()));
        assertThat(actions).containsSubsequence("ChangeBillingSettings OK", "CreateSubscriptionCommand REFUSED",
                "CreateAccountCommand OK");
        JsonNode created = entries.get(entries.size() - 1);
        assertThat(created.get("action").asText()).isEqualTo("CreateAccountCommand");
        assertThat(created.get("target").asText()).isEqualTo(account);
        assertThat(created.get("actor").asText()).startsWith("api key 'ci' (rb_");
        assertThat(created.get("actorKind").asText()).isEqualTo("API_KEY");
        assertThat(created.get("clientAddress").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(created.get("occurredAt").asText()).isNotBlank();
        assertThat(entries.get(0).get("detail").asText()).contains("paymentTermsDays=30");

        JsonNode refused = api.get("/api/v1/audit-log?action=CreateSubscription").json().get("entries");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("detail").asText()).contains("NoSuchPlan");
        assertThat(api.get("/api/v1/audit-log?target=" + account).json().get("entries")).hasSize(1);
        assertThat(api.get("/api/v1/audit-log?actor=nobody").json().get("entries")).isEmpty();
        assertThat(api.get("/api/v1/audit-log?from=2199-01-01").json().get("entries")).isEmpty();
    }

    @Test
    void pagesByKeysetExportsCsvAndNeverShowsAnotherTenantsEntries() {
        ApiClient api = tenantWithKey("pager");
        for (int n = 0; n < 5; n++) {
            assertThat(api.post("/api/v1/accounts", "{\"name\":\"Customer " + n + "\",\"currency\":\"EUR\",\"country\":\"DE\"}")
                    .status()).isEqualTo(201);
        }
        JsonNode first = api.get("/api/v1/audit-log?limit=2").json();
        assertThat(first.get("entries")).hasSize(2);
        long next = first.get("nextBefore").asLong();
        JsonNode second = api.get("/api/v1/audit-log?limit=2&before=" + next).json();
        assertThat(second.get("entries")).hasSize(2);
        assertThat(second.get("entries").get(0).get("entryId").asLong()).isLessThan(next);
        JsonNode last = api.get("/api/v1/audit-log?limit=2&before=" + second.get("nextBefore").asLong()).json();
        assertThat(last.get("entries")).hasSize(1);
        assertThat(last.get("nextBefore").isNull()).isTrue();
        assertThat(api.get("/api/v1/audit-log?limit=0").status()).isEqualTo(400);

        ApiClient.Response csv = api.get("/api/v1/audit-log.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().lines()).hasSize(6).first().asString().startsWith("entry_id,occurred_at,actor");
        assertThat(csv.text()).contains("\"CreateAccountCommand\"");

        ApiClient other = tenantWithKey("other");
        assertThat(other.get("/api/v1/audit-log").json().get("entries")).isEmpty();
        assertThat(other.get("/api/v1/audit-log.csv").text().lines()).hasSize(1);
    }
}
