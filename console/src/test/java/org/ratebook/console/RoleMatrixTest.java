package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.ratebook.console.security.ScopeCheck;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Operators;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every API endpoint of the OpenAPI document and every registered Vaadin route: allowed or 403
 * as decision 017 specifies. Both lists are read from the running application, so an endpoint or a page added later
 * is checked too — and an endpoint without a declared scope, or a page open to any signed-in user, fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired Operators operators;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /**
     * Decision 017's table, written independently of the annotations: the scope an endpoint needs. GET reads, except
     * the admin's and operator's lists; sending usage is usage:write; approving and publishing rules:approve; other
     * rule-pack changes rules; people, keys, branding, settings and sub-tenants admin; the rest billing.
     */
    static Scope expected(String method, String path) {
        if (path.startsWith("/api/v1/operator/")) {
            return Scope.OPERATOR;
        }
        if (path.startsWith("/api/v1/users") || path.startsWith("/api/v1/api-keys") || path.startsWith("/api/v1/sub-tenants")) {
            return Scope.ADMIN;
        }
        if (method.equals("GET")) {
            return Scope.READ;
        }
        if (path.equals("/api/v1/rederivations")) {
            return Scope.READ; // an auditor re-derives the tenant's invoices: it proves, it changes nothing (decision 024)
        }
        if (path.equals("/api/v1/usage")) {
            return Scope.USAGE_WRITE;
        }
        if (path.matches("/api/v1/rule-packs/\\{version}/(approve|publish)")) {
            return Scope.RULES_APPROVE;
        }
        if (path.startsWith("/api/v1/rule-packs")) {
            return Scope.RULES;
        }
        if (path.startsWith("/api/v1/branding") || path.startsWith("/api/v1/billing-settings")) {
            return Scope.ADMIN;
        }
        return Scope.BILLING;
    }

    /** Decision 017's table for console pages; a page missing here must at least be closed to anonymous users. */
    static final Map<String, Set<Role>> PAGES = Map.of(
            "", EnumSet.of(Role.TENANT_ADMIN, Role.ANALYST, Role.APPROVER, Role.AUDITOR),
            "usage-spikes", EnumSet.of(Role.TENANT_ADMIN, Role.ANALYST, Role.APPROVER, Role.AUDITOR),
            "admin/users", EnumSet.of(Role.TENANT_ADMIN),
            "admin/api-keys", EnumSet.of(Role.TENANT_ADMIN),
            "admin/branding", EnumSet.of(Role.TENANT_ADMIN),
            "admin/billing-settings", EnumSet.of(Role.TENANT_ADMIN),
            "admin/sub-tenants", EnumSet.of(Role.TENANT_ADMIN),
            "operator/tenants", EnumSet.of(Role.OPERATOR),
            "login", EnumSet.allOf(Role.class));

    @Test
    void everyApiHandlerDeclaresTheScopeItNeeds() {
        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            boolean api = e.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (api && ScopeCheck.declared(e.getValue()).isEmpty()) {
                undeclared.add(e.getKey() + " -> " + e.getValue());
            }
        }
        assertThat(undeclared).as("API endpoints without @RequiresScope (decision 017)").isEmpty();
    }

    @Test
    void everyRoleAgainstEveryOpenApiEndpoint() throws Exception {
        TenantId tenant = TenantId.of("rm-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Matrix Ltd", List.of("1 Grid Road"), "GB1"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        Map<Role, String> keys = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            keys.put(role, role == Role.OPERATOR ? operators.issueKey("matrix")
                    : apiKeys.issue(tenant, new ApiKeys.NewKey("matrix " + role, Scope.of(role), null, null)).key());
        }

        HttpClient http = HttpClient.newHttpClient();
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        int checks = 0;
        int operations = 0;
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                Scope needed = expected(method, path.getKey());
                String url = "http://localhost:" + port + path.getKey()
                        .replaceAll("\\{version}", "999").replaceAll("\\{lineNo}", "1")
                        .replaceAll("\\{\\*?[A-Za-z]+}", "x1");
                for (Map.Entry<Role, String> key : keys.entrySet()) {
                    boolean allowed = Scope.of(key.getKey()).contains(needed);
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", key.getValue());
                    // a body of a type the endpoint consumes, so the request reaches its handler (a 415 would not)
                    JsonNode content = path.getValue().get(method.toLowerCase()).path("requestBody").path("content");
                    String type = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
                    request = method.equals("GET") ? request.GET()
                            : request.header("Content-Type", type.contains("*") ? "application/octet-stream" : type)
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    checks++;
                    boolean forbidden = response.statusCode() == 403 || response.statusCode() == 401;
                    if (allowed == forbidden || (!allowed && !response.body().contains(needed == Scope.OPERATOR
                            ? "operator" : "'" + needed.label() + "'"))) {
                        wrong.add(key.getKey() + " " + method + " " + path.getKey() + " (needs " + needed.label()
                                + "): " + response.statusCode() + " " + response.body());
                    }
                }
            }
        }
        System.out.printf("Role matrix, API: %d roles x %d OpenAPI operations = %d checks, %d wrong%n",
                keys.size(), operations, checks, wrong.size());
        assertThat(operations).as("the OpenAPI document lists the API").isGreaterThan(60);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRoleAgainstEveryConsolePage() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        int checks = 0;
        int pages = 0;
        List<String> wrong = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.ratebook.console")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            String route = view.getAnnotation(Route.class).value();
            pages++;
            if (!PAGES.containsKey(route)) {
                // a page from another feature: it must name its roles, never be open to any signed-in user
                if (!view.isAnnotationPresent(RolesAllowed.class) || view.isAnnotationPresent(PermitAll.class)) {
                    wrong.add(route + " (" + view.getSimpleName() + ") does not name the roles that may open it");
                }
                continue;
            }
            for (Role role : Role.values()) {
                Principal principal = () -> "someone";
                boolean access = checker.hasAccess(view, principal, r -> r.equals(role.name()));
                checks++;
                if (access != PAGES.get(route).contains(role)) {
                    wrong.add(role + " on /" + route + ": " + (access ? "allowed" : "refused"));
                }
            }
            checks++;
            boolean anonymous = checker.hasAccess(view, null, r -> false);
            if (anonymous != route.equals("login")) {
                wrong.add("anonymous on /" + route + ": " + (anonymous ? "allowed" : "refused"));
            }
        }
        System.out.printf("Role matrix, console: %d pages, %d checks, %d wrong%n", pages, checks, wrong.size());
        assertThat(pages).isGreaterThanOrEqualTo(PAGES.size());
        assertThat(wrong).isEmpty();
    }
}
