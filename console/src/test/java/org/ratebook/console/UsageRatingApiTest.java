package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Metered billing through the HTTP API: meters, estimates of the current period, usage lines and their events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsageRatingApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    private ApiClient api;

    @BeforeEach
    void aSandboxSellerPricingApiCallsInGraduatedTiers() {
        TenantId tenant = TenantId.of("m-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, "Metered Hosting Ltd", List.of(), null),
                Instant.parse("2026-03-01T00:00:00Z"));
        RulePack shipped = RulePackLoader.defaultPack();
        List<UsageTier> tiers = List.of(new UsageTier("api-pro", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.TEN,
                        new BigDecimal("2"), null, null),
                new UsageTier("api-pro", new BigDecimal("11"), null, new BigDecimal("5"), new BigDecimal("3"), null,
                        null));
        packs.importContent(tenant, new RulePackContent("metered", shipped.plans(), shipped.sources(),
                shipped.dayCount(), shipped.rounding(), List.of(new UsageCharge("api-pro", "API calls", "Pro",
                "api_calls", "EUR", ChargeModel.GRADUATED, null, null, null, 0, null, null, null, null, null, null)),
                tiers), LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    @Test
    void aPackVersionShowsItsUsageChargeAndTierTables() {
        JsonNode latest = api.get("/api/v1/rule-packs").json().get(0);
        JsonNode content = api.get("/api/v1/rule-packs/" + latest.get("version").asInt()).json();
        assertThat(content.get("usageCharges").get(0).get("model").asText()).isEqualTo("GRADUATED");
        assertThat(content.get("usageCharges").get(0).get("meter").asText()).isEqualTo("api_calls");
        assertThat(content.get("usageTiers")).hasSize(2);
        assertThat(content.get("usageTiers").get(1).get("unitPrice").asText()).isEqualTo("5");
        assertThat(content.get("usageTiers").get(1).get("to").isNull()).isTrue();
    }

    @Test
    void meterDefinitionsAreCheckedWithReasons() {
        ApiClient.Response median = api.post("/api/v1/meters",
                "{\"code\":\"cpu\",\"unit\":\"core\",\"aggregation\":\"MEDIAN\"}");
        assertThat(median.status()).isEqualTo(400);
        assertThat(median.contentType()).startsWith("application/problem+json");
        assertThat(median.json().get("detail").asText()).contains("UNIQUE_COUNT", "TIME_WEIGHTED");
        ApiClient.Response noProperty = api.post("/api/v1/meters",
                "{\"code\":\"devices\",\"unit\":\"device\",\"aggregation\":\"UNIQUE_COUNT\"}");
        assertThat(noProperty.status()).isEqualTo(400);
        assertThat(noProperty.json().get("detail").asText()).contains("names the event property");
        assertThat(api.post("/api/v1/meters", "{\"code\":\"devices\",\"unit\":\"device\",\"aggregation\":"
                + "\"UNIQUE_COUNT\",\"property\":\"device_id\"}").status()).isEqualTo(201);
        ApiClient.Response gbHours = api.post("/api/v1/meters",
                "{\"code\":\"storage\",\"unit\":\"GB\",\"aggregation\":\"TIME_WEIGHTED\",\"per\":\"HOUR\"}");
        assertThat(gbHours.status()).isEqualTo(201);
        assertThat(gbHours.json().get("correctable").asBoolean()).as("a level goes up and down").isTrue();
        assertThat(api.get("/api/v1/meters").json()).hasSize(2);
    }

    @Test
    void theCurrentPeriodIsEstimatedThenInvoicedWithItsTiersAndTheEventsBehindIt() throws IOException {
        String account = api.post("/api/v1/accounts", "{\"name\":\"ACME GmbH\",\"currency\":\"EUR\",\"country\":"
                + "\"DE\",\"timeZone\":\"UTC\",\"billCycleDay\":1}").json().get("accountId").asText();
        String subscription = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                .json().get("subscriptionId").asText();
        assertThat(api.post("/api/v1/meters", "{\"code\":\"api_calls\",\"unit\":\"call\",\"aggregation\":\"SUM\"}")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/test-clock/advance", "{\"to\":\"2026-03-20T00:00:00Z\"}").status())
                .isEqualTo(200);
        JsonNode sent = api.post("/api/v1/usage", "{\"events\":[{\"transactionId\":\"m-1\",\"subscriptionId\":\""
                + subscription + "\",\"meter\":\"api_calls\",\"quantity\":\"11\",\"timestamp\":\"2026-03-10T12:00:00Z\"}]}")
                .json();
        assertThat(sent.get("accepted").asInt()).isEqualTo(1);

        JsonNode estimate = api.get("/api/v1/subscriptions/" + subscription + "/usage").json().get("estimate");
        assertThat(estimate.get("from").asText()).isEqualTo("2026-03-01");
        assertThat(estimate.get("to").asText()).isEqualTo("2026-04-01");
        assertThat(estimate.get("amount").asText()).isEqualTo("110.00");
        assertThat(estimate.get("rulePack").asText()).isEqualTo("metered");
        JsonNode estimated = estimate.get("lines").get(0);
        assertThat(estimated.get("quantity").asText()).isEqualTo("11");
        assertThat(estimated.get("tiers")).hasSize(2);

        JsonNode billing = api.post("/api/v1/test-clock/advance", "{\"to\":\"2026-04-01T00:00:00Z\"}").json()
                .get("billing");
        assertThat(billing.get("problems")).isEmpty();
        String invoiceId = billing.get("issued").get(0).get("invoiceId").asText();
        JsonNode invoice = api.get("/api/v1/invoices/" + invoiceId).json();
        assertThat(invoice.get("total").asText()).isEqualTo("159.00");
        JsonNode usage = invoice.get("lines").get(1);
        assertThat(usage.get("itemType").asText()).isEqualTo("USAGE");
        assertThat(usage.get("meter").asText()).isEqualTo("api_calls");
        assertThat(usage.get("unit").asText()).isEqualTo("call");
        assertThat(usage.get("transactions").asLong()).isEqualTo(1);
        assertThat(usage.get("tiers").get(1).get("amount").asText()).isEqualTo("8");
        assertThat(invoice.get("lines").get(0).get("usage").isNull()).isTrue();

        JsonNode behind = api.get(usage.get("usage").asText()).json();
        assertThat(behind.get("transactionsOnLine").asLong()).isEqualTo(1);
        assertThat(behind.get("transactions").get(0).get("transactionId").asText()).isEqualTo("m-1");
        assertThat(behind.get("next").isNull()).isTrue();
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/lines/1/usage").status()).isEqualTo(404);
        assertThat(api.get(usage.get("usage").asText() + "?limit=0").status()).isEqualTo(400);

        try (PDDocument document = Loader.loadPDF(api.get("/api/v1/invoices/" + invoiceId + ".pdf").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("API calls (graduated tiers)",
                    "tier 2: 1 x 5 + 3 = 8");
        }
    }
}
