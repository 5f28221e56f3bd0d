package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The list endpoints: filters, keyset paging through the Link header, and problems for bad filters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListsApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;

    private ApiClient api;
    private String key;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void newTenant() {
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Lists Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        key = apiKeys.issue(tenant, "test");
        api = new ApiClient(port, key);
    }

    private String account(String name, String email, String taxId) {
        ApiClient.Response created = api.post("/api/v1/accounts", "{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"taxId\":\"" + taxId + "\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("accountId").asText();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void accountsArePagedByNameThroughTheNextLinkUntilTheLastPage() throws Exception {
        for (String name : List.of("Delta AG", "alpha GmbH", "Charlie SARL", "Bravo Ltd", "Echo BV")) {
            account(name, name.toLowerCase().replace(' ', '.') + "@example.com", "DE" + name.length());
        }
        List<String> names = new ArrayList<>();
        String next = "/api/v1/accounts?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(next);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            json(page).forEach(a -> names.add(a.get("name").asText()));
            next = page.headers().firstValue("Link")
                    .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                    .map(u -> u.substring(u.indexOf("/api/")))
                    .orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("alpha GmbH", "Bravo Ltd", "Charlie SARL", "Delta AG", "Echo BV");
    }

    @Test
    void accountsAreFoundByPartOfTheNameOrTheStartOfEmailAndTaxId() throws Exception {
        account("Globex Corporation", "ap@globex.example", "FR40303265045");
        account("Initech", "billing@initech.example", "DE811907980");
        assertThat(json(get("/api/v1/accounts?q=corp")).findValuesAsText("name")).containsExactly("Globex Corporation");
        assertThat(json(get("/api/v1/accounts?email=BILLING")).findValuesAsText("name")).containsExactly("Initech");
        assertThat(json(get("/api/v1/accounts?taxId=fr40")).findValuesAsText("name"))
                .containsExactly("Globex Corporation");
        JsonNode good = json(get("/api/v1/accounts?status=good"));
        assertThat(good).hasSize(2);
        assertThat(good.get(0).get("balance").asText()).isEqualTo("0.00");
        assertThat(json(get("/api/v1/accounts?status=SUSPENDED"))).isEmpty();
    }

    @Test
    void invoicesAreFilteredByStatusDateAndAmountAndCarryWhatIsStillDue() throws Exception {
        String acme = account("ACME GmbH", "billing@acme.example", "DE1");
        assertThat(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + acme + "\",\"plan\":\"Pro\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/billing-runs", "{}").status()).isEqualTo(200);

        JsonNode all = json(get("/api/v1/invoices"));
        assertThat(all).hasSize(1);
        JsonNode invoice = all.get(0);
        assertThat(invoice.get("customer").asText()).isEqualTo("ACME GmbH");
        assertThat(invoice.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(invoice.get("amountDue").asText()).isEqualTo(invoice.get("total").asText());
        LocalDate day = LocalDate.parse(invoice.get("invoiceDate").asText());

        assertThat(json(get("/api/v1/invoices?status=PAID"))).isEmpty();
        assertThat(json(get("/api/v1/invoices?from=" + day.plusDays(1)))).isEmpty();
        assertThat(json(get("/api/v1/invoices?from=" + day + "&to=" + day))).hasSize(1);
        assertThat(json(get("/api/v1/invoices?minTotal=1000"))).isEmpty();
        assertThat(json(get("/api/v1/invoices?q=acme&accountId=" + acme))).hasSize(1);
        assertThat(json(get("/api/v1/invoices?number=INV-0000"))).hasSize(1);
        assertThat(json(get("/api/v1/subscriptions?accountId=" + acme)).findValuesAsText("plan"))
                .containsExactly("Pro");

        api.post("/api/v1/invoices/" + invoice.get("invoiceId").asText() + "/payments",
                "{\"amount\":\"" + invoice.get("total").asText() + "\"}");
        JsonNode paid = json(get("/api/v1/invoices?status=PAID"));
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).get("amountDue").asText()).isEqualTo("0.00");
    }

    @Test
    void badFiltersAndCursorsAreProblemsNamingWhatIsWrong() throws Exception {
        HttpResponse<String> status = get("/api/v1/invoices?status=LOST");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(status).get("detail").asText()).contains("LOST");

        assertThat(get("/api/v1/invoices?from=2026-12-01&to=2026-11-01").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/invoices?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts?status=HAPPY").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts?limit=501").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts?cursor=" + URLEncoder.encode("not-a-cursor", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/subscriptions?cursor=Zm9v").statusCode()).isEqualTo(400);
    }
}
