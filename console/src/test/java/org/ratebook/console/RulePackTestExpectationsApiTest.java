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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept test over the API can now fail: it states the total it expects, the version's total is compared with it,
 * a failed test is kept as failed, and a version whose last test failed is not approved until it passes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulePackTestExpectationsApiTest {

    private static final String SAMPLE = "{\"country\":\"DE\",\"currency\":\"EUR\",\"subscriptions\":[{\"plan\":\"Pro\"}],"
            + "\"expectedTotal\":\"%s\"}";

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    private ApiClient alice;
    private ApiClient bob;

    @BeforeEach
    void tenantWithTwoPeople() {
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Expecting Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        alice = new ApiClient(port, apiKeys.issue(tenant, "alice"));
        bob = new ApiClient(port, apiKeys.issue(tenant, "bob"));
    }

    @Test
    void aTestWhoseExpectedTotalIsNotMetFailsIsKeptAndBlocksApprovalUntilItPasses() {
        int draft = alice.post("/api/v1/rule-packs/drafts", "{}").json().get("version").asInt();

        ApiClient.Response failed = alice.post("/api/v1/rule-packs/" + draft + "/tests", SAMPLE.formatted("59.00"));
        assertThat(failed.status()).as(failed.text()).isEqualTo(200);
        assertThat(failed.json().get("passed").asBoolean()).isFalse();
        assertThat(failed.json().get("failure").asText()).isEqualTo("expected EUR 59.00, was EUR 49.00");
        JsonNode listed = alice.get("/api/v1/rule-packs").json().get(0);
        assertThat(listed.get("testSummary").asText()).startsWith("failed on").contains("expected EUR 59.00, was EUR 49.00");

        ApiClient.Response refused = bob.post("/api/v1/rule-packs/" + draft + "/approve", "");
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("failed its last test");

        ApiClient.Response passed = alice.post("/api/v1/rule-packs/" + draft + "/tests", SAMPLE.formatted("49.00"));
        assertThat(passed.json().get("passed").asBoolean()).isTrue();
        assertThat(passed.json().get("expectedTotal").asText()).isEqualTo("49.00");
        ApiClient.Response approved = bob.post("/api/v1/rule-packs/" + draft + "/approve", "");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void anExpectedTotalThatIsNotANumberIsABadRequest() {
        int draft = alice.post("/api/v1/rule-packs/drafts", "{}").json().get("version").asInt();
        ApiClient.Response bad = alice.post("/api/v1/rule-packs/" + draft + "/tests", SAMPLE.formatted("lots"));
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
    }
}
