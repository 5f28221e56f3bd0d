package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer segments, price lists and add-ons through the HTTP API, on the example SaaS pack (an EDU price list
 * chosen by segment, a Priority-Support add-on). Bad input is a 422 problem and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PriceListApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;
    private TenantId tenant;
    private int version;

    @BeforeEach
    void saasTenant() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Example Analytics Inc.", List.of("Austin"), null, "US"));
        version = packs.importDirectory(tenant, Path.of("../tenants/packs/saas"), LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    private String account(String segmentJson) {
        ApiClient.Response created = api.post("/api/v1/accounts", """
                {"name":"Springfield University","currency":"USD","country":"US","region":"OR"%s}"""
                .formatted(segmentJson));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("accountId").asText();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void anEducationAccountPaysTheEduPriceAndItsLineSaysSo() {
        String account = account(",\"segment\":\"education\"");
        assertThat(api.get("/api/v1/accounts/" + account).json().get("segment").asText()).isEqualTo("education");
        ApiClient.Response subscribed = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Business\",\"quantity\":2}");
        assertThat(subscribed.status()).isEqualTo(201);
        assertThat(subscribed.json().get("productType").asText()).isEqualTo("BASE");
        assertThat(subscribed.json().get("signedPackVersion").asInt()).isEqualTo(version);

        String invoiceId = api.post("/api/v1/billing-runs", "{}").json().get("issued").get(0).get("invoiceId").asText();

        JsonNode line = api.get("/api/v1/invoices/" + invoiceId).json().get("lines").get(0);
        assertThat(line.get("amount").asText()).isEqualTo("45.00");
        assertThat(line.get("description").asText()).endsWith(", EDU price list");
    }

    @Test
    void theSegmentIsSetByItsOwnEndpointAndABadOneIsA422ThatStoresNothing() {
        String account = account("");
        ApiClient.Response set = api.put("/api/v1/accounts/" + account + "/segment", "{\"segment\":\"enterprise\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("segment").asText()).isEqualTo("enterprise");
        long before = events();

        ApiClient.Response bad = api.put("/api/v1/accounts/" + account + "/segment",
                "{\"segment\":\"Higher Education!\"}");
        ApiClient.Response badOnCreate = api.post("/api/v1/accounts",
                "{\"name\":\"X\",\"currency\":\"USD\",\"segment\":\"EDU CATION\"}");

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asText()).contains("a customer segment is a lower-case word");
        assertThat(badOnCreate.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/v1/accounts/" + account).json().get("segment").asText()).isEqualTo("enterprise");
    }

    @Test
    void anUnknownPriceListAndAnAddOnWithoutItsBaseAre422ProblemsThatStoreNothing() {
        String account = account("");
        String other = account("");
        String othersBase = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + other + "\",\"plan\":\"Team\"}").json().get("subscriptionId").asText();
        long before = events();

        ApiClient.Response unknownList = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Team\",\"priceList\":\"VIP\"}");
        ApiClient.Response noBase = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Priority-Support\"}");
        ApiClient.Response othersBaseNamed = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Priority-Support\",\"baseSubscriptionId\":\"" + othersBase + "\"}");

        assertThat(unknownList.status()).isEqualTo(422);
        assertThat(unknownList.json().get("detail").asText()).contains("unknown price list 'VIP'");
        assertThat(noBase.status()).isEqualTo(422);
        assertThat(noBase.json().get("detail").asText()).contains("needs an active base subscription");
        assertThat(othersBaseNamed.status()).isEqualTo(422);
        assertThat(othersBaseNamed.json().get("detail").asText())
                .contains("needs a base subscription of the same account");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anAddOnBelongsToTheAccountsBaseAndANamedPriceListIsKept() {
        String account = account("");
        String base = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Business\",\"priceList\":\"edu\"}").json().get("subscriptionId").asText();
        assertThat(api.get("/api/v1/subscriptions/" + base).json().get("priceList").asText()).isEqualTo("EDU");

        ApiClient.Response addOn = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Priority-Support\"}");

        assertThat(addOn.status()).isEqualTo(201);
        assertThat(addOn.json().get("productType").asText()).isEqualTo("ADD_ON");
        assertThat(addOn.json().get("baseSubscriptionId").asText()).isEqualTo(base);
    }

    @Test
    void theOpenApiDocumentListsTheSegmentEndpoint() {
        JsonNode docs = new ApiClient(port, null).get("/v3/api-docs").json();
        assertThat(docs.get("paths").has("/api/v1/accounts/{accountId}/segment")).isTrue();
    }

    @Test
    void theRulePackShowsEachPlanRowsPriceListAndProductType() {
        JsonNode plans = api.get("/api/v1/rule-packs/" + version).json().get("plans");
        assertThat(plans.findValuesAsText("priceList")).contains("DEFAULT", "EDU");
        assertThat(plans.findValuesAsText("productType")).contains("BASE", "ADD_ON");
    }
}
