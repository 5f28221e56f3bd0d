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

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A billing run in the background over the API: started (202), followed, cancelled, refused as problem details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingRunsApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    private ApiClient api;

    @BeforeEach
    void newTenant() {
        TenantId tenant = TenantId.of("r-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Run Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    private void customerOnPro(String name) {
        String account = api.post("/api/v1/accounts", "{\"name\":\"" + name
                + "\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\"}").json()
                .get("accountId").asText();
        assertThat(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void aBackgroundRunAnswers202AndShowsItsProgressUntilItIsFinished() throws Exception {
        customerOnPro("ACME GmbH");
        customerOnPro("Globex GmbH");

        ApiClient.Response started = api.post("/api/v1/billing-runs?async=true", "{}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        assertThat(started.json().get("accountsDue").asInt()).isEqualTo(2);
        assertThat(started.json().get("requestedBy").asText()).contains("test");

        JsonNode run = awaitFinished(runId);
        assertThat(run.get("accountsDone").asInt()).isEqualTo(2);
        assertThat(run.get("invoices").asInt()).isEqualTo(2);
        assertThat(run.get("amounts").get("EUR").asText()).as("money as a decimal string").isEqualTo("98.00");
        assertThat(run.get("problems")).isEmpty();
        assertThat(run.get("finishedAt").isNull()).isFalse();

        // the synchronous run afterwards finds everything invoiced: nothing twice
        ApiClient.Response again = api.post("/api/v1/billing-runs", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("issued")).isEmpty();
        assertThat(api.get("/api/v1/invoices").json()).hasSize(2);

        ApiClient.Response cancel = api.post("/api/v1/billing-runs/" + runId + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).startsWith("application/problem+json");
        assertThat(cancel.json().get("detail").asText()).contains("is finished");
        assertThat(api.post("/api/v1/billing-runs/" + runId + "/resume", "").status()).isEqualTo(409);
    }

    @Test
    void badUnknownAndOtherTenantsRunIdsAreProblemsThatSayNothingOfTheOtherTenant() throws Exception {
        customerOnPro("Mine GmbH");
        String runId = api.post("/api/v1/billing-runs?async=true", "{}").json().get("runId").asText();
        awaitFinished(runId);

        ApiClient.Response bad = api.get("/api/v1/billing-runs/not-a-run");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");

        TenantId other = TenantId.of("o-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(other, "Other", List.of(), null));
        ApiClient otherApi = new ApiClient(port, apiKeys.issue(other, "test"));
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("", "/cancel", "/resume")) {
            ApiClient.Response theirs = path.isEmpty() ? otherApi.get("/api/v1/billing-runs/" + runId)
                    : otherApi.post("/api/v1/billing-runs/" + runId + path, "");
            ApiClient.Response nothing = path.isEmpty() ? otherApi.get("/api/v1/billing-runs/" + unknown)
                    : otherApi.post("/api/v1/billing-runs/" + unknown + path, "");
            assertThat(theirs.status()).as("another tenant's run" + path).isEqualTo(404);
            assertThat(theirs.contentType()).startsWith("application/problem+json");
            assertThat(theirs.json().get("detail").asText().replace(runId, "?"))
                    .isEqualTo(nothing.json().get("detail").asText().replace(unknown, "?"));
        }
        assertThat(api.get("/api/v1/billing-runs/" + runId).json().get("state").asText()).isEqualTo("finished");
    }

    private JsonNode awaitFinished(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode run = api.get("/api/v1/billing-runs/" + runId).json();
        while (run.get("state").asText().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = api.get("/api/v1/billing-runs/" + runId).json();
        }
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("finished");
        return run;
    }
}
