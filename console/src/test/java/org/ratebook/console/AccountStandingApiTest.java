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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/accounts/{id}/standing on the real application, driven along a sandbox's test clock. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountStandingApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    private ApiClient api;
    private String account;

    private ApiClient sandbox(String name) {
        TenantId tenant = TenantId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, name, List.of(), null), Instant.parse("2026-03-01T00:00:00Z"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        return new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    @BeforeEach
    void customerOnPro() {
        api = sandbox("standing-hosting");
        ApiClient.Response created = api.post("/api/v1/accounts",
                "{\"name\":\"ACME GmbH\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"UTC\"}");
        account = created.json().get("accountId").asText();
        assertThat(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Pro\",\"startDate\":\"2026-03-01\"}").status()).isEqualTo(201);
    }

    @Test
    void anAccountThatAlwaysPaidHasAlwaysBeenInGoodStanding() {
        JsonNode standing = api.get("/api/v1/accounts/" + account + "/standing").json();
        assertThat(standing.get("state").asText()).isEqualTo("GOOD");
        assertThat(standing.get("since").isNull()).isTrue();
        assertThat(standing.get("actions")).isEmpty();
        assertThat(standing.get("why").isNull()).isTrue();
        assertThat(api.get("/api/v1/accounts/" + account + "/standing/history").json()).isEmpty();
    }

    @Test
    void aSuspendedAccountShowsItsStateActionsAndWhy() {
        assertThat(api.post("/api/v1/test-clock/advance", "{\"to\":\"2026-04-14\"}").status()).isEqualTo(200);

        JsonNode standing = api.get("/api/v1/accounts/" + account + "/standing").json();
        assertThat(standing.get("state").asText()).isEqualTo("SUSPENDED");
        assertThat(standing.get("since").asText()).isEqualTo("2026-04-14");
        assertThat(standing.get("actions").toString()).isEqualTo("[\"BLOCK_PLAN_CHANGES\",\"SUSPEND_SERVICE\"]");
        assertThat(standing.get("blocksPlanChanges").asBoolean()).isTrue();
        assertThat(standing.get("billingPaused").asBoolean()).isFalse();
        JsonNode why = standing.get("why");
        assertThat(why.get("rules").toString()).isEqualTo("[\"Service suspended 30 days past due\"]");
        assertThat(why.get("rulePack").get("name").asText()).isEqualTo("default");
        assertThat(why.get("daysPastDue").asInt()).isEqualTo(30);
        assertThat(why.get("oldestUnpaidDueDate").asText()).isEqualTo("2026-03-15");
        assertThat(why.get("unpaidBalance").isTextual()).as("money is a decimal string").isTrue();
        assertThat(why.get("unpaidBalance").asText()).isEqualTo("98.00");
        assertThat(why.get("trigger").asText()).isEqualTo("test clock");
        assertThat(why.get("fired")).hasSize(3);

        JsonNode history = api.get("/api/v1/accounts/" + account + "/standing/history").json();
        assertThat(history).extracting(c -> c.get("to").asText()).containsExactly("REMINDED", "WARNED", "SUSPENDED");
    }

    @Test
    void anotherTenantsAccountIsNotFound() {
        ApiClient other = sandbox("other-hosting");
        ApiClient.Response response = other.get("/api/v1/accounts/" + account + "/standing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(other.get("/api/v1/accounts/" + UUID.randomUUID() + "/standing/history").status()).isEqualTo(404);
    }
}
