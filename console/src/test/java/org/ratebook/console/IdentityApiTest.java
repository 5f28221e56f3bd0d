package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Operators;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People, keys, branding, sub-tenants and the operator's tenants over the HTTP API (decision 017): each endpoint's
 * happy path, and bad input refused with a problem and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired ConsoleUsers users;
    @Autowired Operators operators;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwords;

    private TenantId tenant;
    private ApiClient admin;
    private ApiClient operator;

    @BeforeEach
    void tenantWithAnAdminKey() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "People Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        admin = new ApiClient(port, apiKeys.issue(tenant, new ApiKeys.NewKey("admin", Scope.of(Role.TENANT_ADMIN),
                null, null)).key());
        operator = new ApiClient(port, operators.issueKey("test"));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void assertProblem(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    @Test
    void anAdminCreatesAUserWithRolesAndTheOneTimePasswordIsShownOnceAndStoredHashed() {
        ApiClient.Response created = admin.post("/api/v1/users", "{\"username\":\"ann-" + tenant
                + "\",\"roles\":[\"ANALYST\",\"APPROVER\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String password = created.json().get("oneTimePassword").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        ConsoleUser stored = users.find("ann-" + tenant).orElseThrow();
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.APPROVER);
        assertThat(stored.passwordHash()).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(admin.get("/api/v1/users").text()).contains("ann-" + tenant).doesNotContain(password);

        JsonNode roles = admin.put("/api/v1/users/ann-" + tenant + "/roles", "{\"roles\":[\"AUDITOR\"]}").json();
        assertThat(roles.get("roles").toString()).isEqualTo("[\"AUDITOR\"]");
        assertThat(admin.post("/api/v1/users/ann-" + tenant + "/disable", "").json().get("enabled").asBoolean()).isFalse();
        String reset = admin.post("/api/v1/users/ann-" + tenant + "/reset-password", "").json()
                .get("oneTimePassword").asText();
        assertThat(reset).isNotEqualTo(password);
        assertThat(users.find("ann-" + tenant).orElseThrow().passwordHash()).doesNotContain(reset);
    }

    @Test
    void badUsersAreRefusedAndNothingIsStored() {
        int before = count("SELECT count(*) FROM console_users");
        assertProblem(admin.post("/api/v1/users", "{\"username\":\"Bad Name\",\"roles\":[\"ANALYST\"]}"), 400,
                "username");
        assertProblem(admin.post("/api/v1/users", "{\"username\":\"bob-" + tenant + "\",\"roles\":[\"KING\"]}"), 400,
                "unknown role 'KING'");
        assertProblem(admin.post("/api/v1/users", "{\"username\":\"bob-" + tenant + "\",\"roles\":[\"OPERATOR\"]}"),
                400, "OPERATOR");
        assertProblem(admin.post("/api/v1/users", "{\"username\":\"bob-" + tenant + "\",\"roles\":[]}"), 400,
                "at least one role");
        assertProblem(admin.post("/api/v1/users", "{\"username\":\"analyst\",\"roles\":[\"ANALYST\"]}"), 409,
                "taken");
        assertProblem(admin.post("/api/v1/users/nobody-here/disable", ""), 404, "no user");
        assertThat(count("SELECT count(*) FROM console_users")).isEqualTo(before);
    }

    @Test
    void aKeyIsCreatedWithScopesShownOnceUsedRecordedAndRevoked() {
        ApiClient.Response created = admin.post("/api/v1/api-keys",
                "{\"label\":\"reporting\",\"scopes\":[\"read\"],\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().get("key").asText();
        long id = created.json().get("id").asLong();
        assertThat(count("SELECT count(*) FROM api_keys WHERE key_digest = ?", key)).as("never stored in plain")
                .isZero();

        ApiClient reporting = new ApiClient(port, key);
        assertThat(reporting.get("/api/v1/invoices").status()).isEqualTo(200);
        assertProblem(reporting.post("/api/v1/accounts", "{\"name\":\"X\",\"currency\":\"EUR\",\"country\":\"DE\"}"),
                403, "lacks the scope 'billing'");
        assertThat(count("SELECT count(*) FROM accounts WHERE tenant_id = ?", tenant.value())).isZero();

        JsonNode listed = admin.get("/api/v1/api-keys").json();
        JsonNode mine = null;
        for (JsonNode k : listed) {
            if (k.get("id").asLong() == id) {
                mine = k;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("lastUsedAt").isNull()).as("last use recorded").isFalse();
        assertThat(mine.toString()).doesNotContain(key);

        assertThat(admin.post("/api/v1/api-keys/" + id + "/revoke", "").json().get("revokedAt").isNull()).isFalse();
        assertProblem(reporting.get("/api/v1/invoices"), 401, "revoked");
        assertProblem(admin.post("/api/v1/api-keys/" + id + "/revoke", ""), 404, "no active key");
    }

    @Test
    void badKeysAreRefusedAndAnExpiredKeyNoLongerWorks() {
        int before = count("SELECT count(*) FROM api_keys");
        assertProblem(admin.post("/api/v1/api-keys", "{\"label\":\"x\",\"scopes\":[\"everything\"]}"), 400,
                "unknown scope 'everything'");
        assertProblem(admin.post("/api/v1/api-keys", "{\"label\":\"x\",\"scopes\":[]}"), 400, "at least one scope");
        assertProblem(admin.post("/api/v1/api-keys", "{\"label\":\"x\",\"scopes\":[\"operator\"]}"), 400, "operator");
        assertProblem(admin.post("/api/v1/api-keys",
                "{\"label\":\"x\",\"scopes\":[\"read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), 400, "future");
        assertProblem(admin.post("/api/v1/api-keys", "{\"label\":\"x\",\"scopes\":[\"read\"],\"owner\":\"ghost\"}"),
                400, "no user 'ghost'");
        assertThat(count("SELECT count(*) FROM api_keys")).isEqualTo(before);

        ApiKeys.IssuedKey soon = apiKeys.issue(tenant, new ApiKeys.NewKey("soon", Set.of(Scope.READ),
                java.time.Instant.now().plusSeconds(3600), null));
        jdbc.update("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE key_id = ?", soon.id());
        assertProblem(new ApiClient(port, soon.key()).get("/api/v1/invoices"), 401, "expired");
    }

    @Test
    void approvingNeedsTheApproveScopeAndADifferentPersonThanTheLastEditor() {
        users.create(new ConsoleUser(tenant, "eve-" + tenant, "{noop}x", Set.of(Role.ANALYST, Role.APPROVER), true));
        ApiClient analyst = new ApiClient(port, apiKeys.issue(tenant, new ApiKeys.NewKey("analyst",
                Scope.of(Role.ANALYST), null, null)).key());
        ApiClient eve = new ApiClient(port, apiKeys.issue(tenant, new ApiKeys.NewKey("eve",
                Scope.of(Set.of(Role.ANALYST, Role.APPROVER)), null, "eve-" + tenant)).key());
        ApiClient eveAgain = new ApiClient(port, apiKeys.issue(tenant, new ApiKeys.NewKey("eve's second key",
                Scope.of(Role.APPROVER), null, "eve-" + tenant)).key());

        ApiClient.Response draft = eve.post("/api/v1/rule-packs/drafts", "{}");
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        assertThat(draft.json().get("author").asText()).as("a person's key is named by its owner")
                .isEqualTo("eve-" + tenant);
        int version = draft.json().get("version").asInt();

        assertProblem(analyst.post("/api/v1/rule-packs/" + version + "/approve", ""), 403,
                "lacks the scope 'rules:approve'");
        assertThat(eveAgain.post("/api/v1/rule-packs/" + version + "/approve", "").status())
                .as("the same person through another key is still the last editor").isEqualTo(422);
        ApiClient approver = new ApiClient(port, apiKeys.issue(tenant, new ApiKeys.NewKey("approver",
                Scope.of(Role.APPROVER), null, null)).key());
        assertThat(approver.post("/api/v1/rule-packs/" + version + "/approve", "").status()).isEqualTo(200);
    }

    @Test
    void theOperatorCreatesListsSuspendsAndReactivatesTenants() {
        String id = "op-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = operator.post("/api/v1/operator/tenants", "{\"tenantId\":\"" + id
                + "\",\"name\":\"Sandbox Ltd\",\"country\":\"DE\",\"sandboxClockStart\":\"2027-01-01\","
                + "\"adminUsername\":\"boss-" + id + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("oneTimePassword").asText()).isNotBlank();
        assertThat(users.find("boss-" + id).orElseThrow().roles()).containsExactly(Role.TENANT_ADMIN);

        JsonNode list = operator.get("/api/v1/operator/tenants").json();
        JsonNode row = null;
        for (JsonNode t : list) {
            if (t.get("tenantId").asText().equals(id)) {
                row = t;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("sandbox").asBoolean()).isTrue();
        assertThat(row.get("testClock").asText()).startsWith("2027-01-01");
        assertThat(row.get("users").asLong()).isEqualTo(1);

        ApiClient tenantKey = new ApiClient(port, apiKeys.issue(TenantId.of(id), "k"));
        assertThat(tenantKey.get("/api/v1/invoices").status()).isEqualTo(200);
        assertThat(operator.post("/api/v1/operator/tenants/" + id + "/suspend", "").json().get("status").asText())
                .isEqualTo("SUSPENDED");
        assertProblem(tenantKey.get("/api/v1/invoices"), 403, "suspended");
        assertThat(operator.post("/api/v1/operator/tenants/" + id + "/reactivate", "").status()).isEqualTo(200);
        assertThat(tenantKey.get("/api/v1/invoices").status()).isEqualTo(200);
    }

    @Test
    void badTenantsAreRefusedNothingIsStoredAndOnlyTheOperatorMayAsk() {
        int before = count("SELECT count(*) FROM tenants");
        assertProblem(operator.post("/api/v1/operator/tenants",
                "{\"tenantId\":\"Bad Id\",\"name\":\"X\",\"adminUsername\":\"x-admin\"}"), 400, "tenant id");
        assertProblem(operator.post("/api/v1/operator/tenants",
                "{\"tenantId\":\"ok-id-1\",\"name\":\"\",\"adminUsername\":\"x-admin\"}"), 400, "name");
        assertProblem(operator.post("/api/v1/operator/tenants",
                "{\"tenantId\":\"ok-id-1\",\"name\":\"X\",\"adminUsername\":\"x-admin\",\"sandboxClockStart\":\"9999-01-01\"}"),
                400, "outside the dates Ratebook accepts"); // the input limits (decision 018) answer before the tenant rule
        assertProblem(operator.post("/api/v1/operator/tenants",
                "{\"tenantId\":\"demo\",\"name\":\"X\",\"adminUsername\":\"x-admin\"}"), 409, "exists already");
        assertProblem(operator.post("/api/v1/operator/tenants",
                "{\"tenantId\":\"ok-id-1\",\"name\":\"X\",\"adminUsername\":\"analyst\"}"), 409, "taken");
        assertProblem(operator.post("/api/v1/operator/tenants/no-such-tenant/suspend", ""), 404, "no tenant");
        assertProblem(admin.get("/api/v1/operator/tenants"), 403, "operator");
        assertProblem(operator.get("/api/v1/invoices"), 403, "lacks the scope 'read'");
        assertThat(count("SELECT count(*) FROM tenants")).isEqualTo(before);
    }

    @Test
    void brandingIsStoredPerTenantAndBadValuesChangeNothing() {
        assertThat(admin.put("/api/v1/branding", "{\"primaryColour\":\"#123abc\",\"invoiceFooter\":\"Thanks!\","
                + "\"legalText\":\"Registered in Berlin\",\"language\":\"de\"}").status()).isEqualTo(200);
        assertProblem(admin.put("/api/v1/branding", "{\"primaryColour\":\"red\",\"language\":\"de\"}"), 400, "#RRGGBB");
        assertProblem(admin.put("/api/v1/branding", "{\"language\":\"german\"}"), 400, "two-letter");
        assertProblem(admin.put("/api/v1/branding/logo", "image/png", "<svg onload=alert(1)>"), 400, "PNG or JPEG");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        assertThat(admin.put("/api/v1/branding/logo", "image/png", png).json().get("hasLogo").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/branding/logo").body()).isEqualTo(png);
        JsonNode branding = admin.get("/api/v1/branding").json();
        assertThat(branding.get("primaryColour").asText()).isEqualTo("#123abc");
        assertThat(branding.get("language").asText()).isEqualTo("de");
        assertThat(branding.get("invoiceFooter").asText()).isEqualTo("Thanks!");
        ApiClient reader = new ApiClient(port, apiKeys.issue(tenant, new ApiKeys.NewKey("r", Set.of(Scope.READ), null, null)).key());
        assertProblem(reader.put("/api/v1/branding", "{\"language\":\"en\"}"), 403, "lacks the scope 'admin'");
        assertThat(reader.get("/api/v1/branding").json().get("language").asText()).isEqualTo("de");
    }

    @Test
    void aResellerCreatesAndSuspendsItsOwnSubTenantsOnly() {
        String sub = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin.post("/api/v1/sub-tenants", "{\"tenantId\":\"" + sub
                + "\",\"name\":\"White Label GmbH\",\"adminUsername\":\"wl-" + sub + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(admin.get("/api/v1/sub-tenants").text()).contains(sub);
        assertThat(admin.post("/api/v1/sub-tenants/" + sub + "/suspend", "").json().get("status").asText())
                .isEqualTo("SUSPENDED");
        assertProblem(admin.post("/api/v1/sub-tenants/demo/suspend", ""), 404, "no sub-tenant");
        assertThat(count("SELECT count(*) FROM tenants WHERE tenant_id = 'demo' AND status = 'ACTIVE'")).isEqualTo(1);
    }

    @Test
    void metricsNeedACredentialAndHealthStaysPublic() {
        ApiClient anonymous = new ApiClient(port, null);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(admin.get("/actuator/prometheus").status()).as("a tenant's key is not enough").isEqualTo(401);
        assertThat(operator.get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void theConsoleSendsSecurityHeadersASameSiteCookieAndRefusesALoginWithoutCsrfToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).as(login.headers().map().toString())
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("HSTS only over HTTPS").isEmpty();

        // a cross-site form posts the right password but cannot know the session's CSRF token: not signed in
        users.create(new ConsoleUser(tenant, "csrf-" + tenant, passwords.encode("right-password-1"),
                Set.of(Role.AUDITOR), true));
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> forged = browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=csrf-" + tenant
                        + "&password=right-password-1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isIn(302, 403);
        java.net.http.HttpResponse<String> after = browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("still signed out").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
