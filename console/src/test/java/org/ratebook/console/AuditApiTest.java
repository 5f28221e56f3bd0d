package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.audit.BundleVerifier;
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

/** The audit over REST on the real application: timeline, state as of, re-derivation, bundle, bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    @Test
    void aMachineReadsTheTimelineTheStateAsOfAReDerivationAndABundle() throws Exception {
        TenantId tenant = TenantId.of("audit-api-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, "Audit Hosting", List.of(), null), Instant.parse("2026-03-01T00:00:00Z"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        ApiClient api = new ApiClient(port, apiKeys.issue(tenant, "test"));
        String account = api.post("/api/v1/accounts",
                "{\"name\":\"ACME GmbH\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"UTC\"}")
                .json().get("accountId").asText();
        assertThat(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Pro\",\"startDate\":\"2026-03-01\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/test-clock/advance", "{\"to\":\"2026-05-02\"}").status()).isEqualTo(200);

        JsonNode timeline = api.get("/api/v1/accounts/" + account + "/timeline?types=InvoiceIssuedEvent&limit=2").json();
        assertThat(timeline.get("events")).hasSize(2);
        assertThat(timeline.get("total").asInt()).isEqualTo(3);
        JsonNode first = timeline.get("events").get(0);
        assertThat(first.get("summary").asText()).startsWith("Invoice ");
        assertThat(first.get("rulePackVersion").asInt()).isEqualTo(1);
        JsonNode next = api.get("/api/v1/accounts/" + account + "/timeline?types=InvoiceIssuedEvent&after="
                + timeline.get("next").asLong()).json();
        assertThat(next.get("events")).hasSize(1);
        assertThat(next.get("next").isNull()).isTrue();
        JsonNode detail = api.get("/api/v1/accounts/" + account + "/timeline/" + first.get("position").asLong()).json();
        assertThat(detail.get("payload").get("lines")).isNotEmpty();

        JsonNode march = api.get("/api/v1/accounts/" + account + "/state?asOf=2026-03-15").json();
        assertThat(march.get("subscriptions").get(0).get("plan").asText()).isEqualTo("Pro");
        assertThat(march.get("openInvoices")).hasSize(1);
        JsonNode before = api.get("/api/v1/accounts/" + account + "/state?asOf=2026-02-01T12:00:00Z").json();
        assertThat(before.get("existed").asBoolean()).isFalse();

        String invoice = first.get("aggregateId").asText();
        JsonNode rederived = api.get("/api/v1/invoices/" + invoice + "/rederivation").json();
        assertThat(rederived.get("identical").asBoolean()).isTrue();

        ApiClient.Response bundle = api.get("/api/v1/accounts/" + account + "/audit-bundle?from=2026-03-01&to=2026-05-31");
        assertThat(bundle.status()).isEqualTo(200);
        BundleVerifier.Report report = new BundleVerifier().verify(bundle.body());
        assertThat(report.identical()).isTrue();
        assertThat(report.documents()).hasSize(3);

        ApiClient.Response bad = api.get("/api/v1/accounts/" + account + "/state?asOf=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(api.get("/api/v1/accounts/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline?types=NoSuchEvent").status()).isEqualTo(400);
    }
}
