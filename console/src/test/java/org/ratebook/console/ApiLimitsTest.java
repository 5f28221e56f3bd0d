package org.ratebook.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.console.api.limits.InputLimits;
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

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walls 3 and 4: every input beyond a limit is a 4xx problem that names the limit, and nothing is stored; the
 * API answers problem JSON for unknown paths and wrong content types (issue 10). Each case was a 500, an HTML
 * page, a redirect or a stored megabyte before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiLimitsTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;
    private String key;
    private TenantId tenant;
    private String account;

    @BeforeEach
    void sandboxTenantWithAnAccount() {
        tenant = TenantId.of("lim-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, "Limits Ltd", List.of("1 Street"), "GB123"),
                Instant.parse("2026-01-15T00:00:00Z"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        key = apiKeys.issue(tenant, "test");
        api = new ApiClient(port, key);
        ApiClient.Response created = api.post("/api/v1/accounts",
                "{\"name\":\"Limits GmbH\",\"currency\":\"EUR\",\"country\":\"DE\"}");
        assertThat(created.status()).isEqualTo(201);
        account = created.json().get("accountId").asText();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ?", Long.class,
                tenant.value());
    }

    private static void assertProblem(ApiClient.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detailContains);
    }

    @Test
    void anUnknownApiPathIsA404ProblemWithOrWithoutAKey() {
        assertProblem(api.get("/api/v1/no-such-thing"), 404, "No API endpoint at /api/v1/no-such-thing");
        assertProblem(new ApiClient(port, null).get("/api/v2/accounts"), 404, "No API endpoint");
        assertProblem(api.get("/api/nothing/here.html"), 404, "No API endpoint");
    }

    @Test
    void aWrongContentTypeIsA415ProblemAndAWrongMethodA405() {
        long before = events();
        assertProblem(api.post("/api/v1/accounts", "text/plain", "name=x"), 415, "text/plain");
        assertProblem(api.post("/api/v1/accounts", "application/xml", "<account/>"), 415, "application/xml");
        assertProblem(api.put("/api/v1/billing-runs", "{}"), 405, "PUT is not supported");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBodyOverItsLimitIsRefusedBeforeItIsRead() throws Exception {
        long before = events();
        String big = "{\"name\":\"" + "x".repeat((int) InputLimits.MAX_JSON_BODY_BYTES) + "\",\"currency\":\"EUR\"}";
        assertProblem(api.post("/api/v1/accounts", big), 413, "larger than " + InputLimits.MAX_JSON_BODY_BYTES);
        // chunked, without Content-Length: read up to the limit, no further
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/accounts"))
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void nulBytesAndOverlongTextAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = events();
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"ACME\\u0000GmbH\",\"currency\":\"EUR\",\"country\":\"DE\"}"),
                400, "'name' contains a NUL character");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"ACME\",\"currency\":\"EUR\",\"country\":\"DE\","
                + "\"taxId\":\"" + "D".repeat(5000) + "\"}"), 400, "'taxId' is 5000 characters long; the limit is "
                + InputLimits.MAX_TEXT_LENGTH);
        assertProblem(api.put("/api/v1/accounts/" + account + "/tax-details", "{\"taxId\":\"DE\\u0000\"}"), 400,
                "'taxId' contains a NUL");
        assertProblem(api.post("/api/v1/accounts/" + account + "/charges",
                        "{\"reference\":\"r1\",\"description\":\"Setup\\u0000\",\"unitPrice\":\"150.00\"}"),
                400, "'description' contains a NUL");
        assertProblem(api.get("/api/v1/accounts/" + account + "/invoice-preview?date=2026-01-01%00"), 400, "NUL");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void datesOutsideTheSaneRangeAreRefusedSayingTheRange() {
        long before = events();
        String range = InputLimits.EARLIEST_DATE + " to " + InputLimits.LATEST_DATE;
        assertProblem(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Pro\",\"startDate\":\"9999-12-31\"}"), 400, range);
        assertProblem(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account
                + "\",\"plan\":\"Pro\",\"startDate\":\"+999999999-12-31\"}"), 400, "");
        assertProblem(api.get("/api/v1/accounts/" + account + "/invoice-preview?date=9999-12-31"), 400, range);
        assertProblem(api.post("/api/v1/rule-packs/1/simulate",
                "{\"country\":\"DE\",\"currency\":\"EUR\",\"date\":\"0001-01-01\",\"subscriptions\":[{\"plan\":\"Pro\"}]}"),
                400, range);
        ApiClient.Response subscribed = api.post("/api/v1/subscriptions",
                "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}");
        assertThat(subscribed.status()).isEqualTo(201);
        long afterSubscribing = events();
        String subscription = subscribed.json().get("subscriptionId").asText();
        assertProblem(api.post("/api/v1/subscriptions/" + subscription + "/pause", "{\"effectiveOn\":\"9999-01-01\"}"),
                400, range);
        assertProblem(api.get("/api/v1/subscriptions/" + subscription + "/usage?from=-9223372036854775808"), 400, "");
        assertThat(events()).isEqualTo(afterSubscribing).isGreaterThan(before);
    }

    @Test
    void aTestClockMovesAtMostFiveYearsAtOnce() {
        long before = events();
        assertProblem(api.post("/api/v1/test-clock/advance", "{\"to\":\"9999-01-01\"}"), 400, "");
        assertProblem(api.post("/api/v1/test-clock/advance", "{\"to\":\"2040-01-01\"}"), 400,
                "at most " + InputLimits.MAX_CLOCK_ADVANCE_YEARS + " years at once");
        assertThat(events()).isEqualTo(before);
        assertThat(api.post("/api/v1/test-clock/advance", "{\"to\":\"2026-03-01\"}").status()).isEqualTo(200);
    }
}
