package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both proofs of issue 10 that are generated from the OpenAPI document, so a new endpoint is covered the day it
 * appears: the tenant-isolation matrix (tenant A's key against every path that names one of tenant B's
 * resources) and the fuzz test (malformed, wrong-typed, boundary, oversized, unicode and NUL inputs on every
 * field of every body and every parameter).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiWallsTest {

    /** Tables filled asynchronously by the invoice projection: they may still catch up with an earlier 2xx. */
    private static final List<String> ASYNC_TABLES = List.of("invoices", "invoice_lines", "payments", "credit_notes",
            "account_credits", "usage_spikes", "audit_log");

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private JsonNode doc;
    private Party a;
    private Party b;

    /** A tenant with a key and one real resource of each kind. */
    record Party(TenantId tenant, String key, Map<String, String> ids) {
    }

    record Operation(String method, String path, JsonNode spec) {
        String contentType() {
            JsonNode content = spec.path("requestBody").path("content");
            return content.isMissingNode() || !content.fieldNames().hasNext() ? null : content.fieldNames().next();
        }

        JsonNode bodySchema() {
            String type = contentType();
            return type == null ? null : spec.path("requestBody").path("content").path(type).path("schema");
        }

        List<JsonNode> parameters() {
            List<JsonNode> list = new ArrayList<>();
            spec.path("parameters").forEach(list::add);
            return list;
        }
    }

    record Result(int status, String body) {
    }

    @BeforeAll
    void twoTenantsWithRealResources() throws Exception {
        a = party("iso-a");
        b = party("iso-b");
        // B has more rule-pack versions than A, so B's highest version does not exist for A
        for (int n = 0; n < 2; n++) {
            Result draft = send(b.key, "POST", "/api/v1/rule-packs/drafts", "application/json", "{}");
            assertThat(draft.status).as(draft.body).isEqualTo(201);
            b.ids.put("version", json.readTree(draft.body).path("version").asText());
        }
        doc = json.readTree(send(null, "GET", "/v3/api-docs", null, null).body);
    }

    private Party party(String prefix) throws Exception {
        TenantId tenant = TenantId.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 6));
        tenants.createSandbox(new Tenant(tenant, prefix + " Ltd", List.of("1 Street"), "GB123"),
                Instant.parse("2026-01-15T00:00:00Z"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        String key = apiKeys.issue(tenant, "walls");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("accountId", field(send(key, "POST", "/api/v1/accounts", "application/json",
                "{\"name\":\"Customer of " + prefix + "\",\"currency\":\"EUR\",\"country\":\"DE\"}"), "accountId"));
        ids.put("subscriptionId", field(send(key, "POST", "/api/v1/subscriptions", "application/json",
                "{\"accountId\":\"" + ids.get("accountId") + "\",\"plan\":\"Pro\"}"), "subscriptionId"));
        JsonNode run = json.readTree(send(key, "POST", "/api/v1/billing-runs", "application/json", "{}").body);
        ids.put("invoiceId", run.path("issued").path(0).path("invoiceId").asText());
        Result note = send(key, "POST", "/api/v1/invoices/" + ids.get("invoiceId") + "/credit-notes",
                "application/json", "{\"amount\":\"1.00\",\"reason\":\"walls\"}");
        ids.put("number", note.status < 300 ? json.readTree(note.body).path("number").asText("CN-000001") : "CN-000001");
        ids.put("version", "1");
        ids.put("lineNo", "1");
        ids.put("path", "pack.properties");
        return new Party(tenant, key, ids);
    }

    private String field(Result result, String name) throws Exception {
        assertThat(result.status).as(result.body).isBetween(200, 299);
        return json.readTree(result.body).path(name).asText();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The isolation matrix
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void tenantAReachesNoneOfTenantBsResourcesThroughAnyEndpoint() throws Exception {
        Map<String, Long> before = rowsOf(b.tenant);
        int checks = 0;
        List<String> leaks = new ArrayList<>();
        for (Operation op : operations()) {
            if (!op.path.contains("{")) {
                continue;
            }
            String body = op.bodySchema() == null ? null : sample(op.bodySchema(), 0).toString();
            String contentType = op.contentType() == null ? null
                    : op.contentType().contains("json") ? "application/json" : op.contentType();
            if (contentType != null && !contentType.contains("json")) {
                body = "x";
            }
            String others = expand(op.path, name -> b.ids.getOrDefault(name, "1"));
            String nowhere = expand(op.path, name -> switch (name) {
                case "accountId", "subscriptionId", "invoiceId" -> UUID.randomUUID().toString();
                case "version" -> "9999";
                case "number" -> "CN-999999";
                default -> b.ids.getOrDefault(name, "1");
            });
            Result toB = send(a.key, op.method, others, contentType, body);
            Result toNothing = send(a.key, op.method, nowhere, contentType, body);
            checks++;
            boolean sameAsNothing = toB.status == toNothing.status
                    && detail(toB).replace(idsIn(others), "?").equals(detail(toNothing).replace(idsIn(nowhere), "?"));
            if (toB.status < 400 || toB.status >= 500 || !(toB.status == 404 || sameAsNothing)) {
                leaks.add(op.method + " " + others + " -> " + toB.status + " " + toB.body
                        + " (an unknown id: " + toNothing.status + ")");
            }
        }
        Map<String, Long> after = rowsOf(b.tenant);
        System.out.println("Isolation matrix: " + checks + " cross-tenant requests generated from the OpenAPI "
                + "document, " + leaks.size() + " leaks; tenant B's rows unchanged in " + after.size() + " tables");
        assertThat(leaks).isEmpty();
        assertThat(checks).isGreaterThan(30);
        assertThat(after).isEqualTo(before);
    }

    private static String detail(Result result) {
        try {
            return new ObjectMapper().readTree(result.body).path("detail").asText("");
        } catch (Exception e) {
            return result.body;
        }
    }

    /** The id-like segment of a path (the first UUID or the last number), to compare messages without it. */
    private static String idsIn(String path) {
        java.util.regex.Matcher uuid = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}").matcher(path);
        return uuid.find() ? uuid.group() : "\u0001";
    }

    private String countsSql;

    /** Row counts of every tenant table for one tenant (events included), in one query. */
    private Map<String, Long> rowsOf(TenantId tenant) {
        if (countsSql == null) {
            countsSql = String.join(" UNION ALL ", jdbc.queryForList("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute at ON at.attrelid = c.oid AND at.attname = 'tenant_id'
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'audit_log' ORDER BY 1""",
                    String.class).stream()
                    .map(t -> "SELECT '" + t + "' AS t, count(*) AS n FROM " + t + " WHERE tenant_id = :tenant")
                    .toList());
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.query(countsSql.replace(":tenant", "'" + tenant.value() + "'"),
                rs -> { rows.put(rs.getString(1), rs.getLong(2)); });
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The fuzz test
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Values that break things somewhere: each goes into every field of every body. Chosen to cover each kind
     * once (missing, empty, oversized, NUL, unicode, lone surrogate, wrong type, boundary number, huge exponent,
     * impossible and out-of-range dates), so the run stays near 2,500 requests.
     */
    private static List<JsonNode> bodyValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(f.nullNode(), f.textNode(""), f.textNode("x".repeat(5_000)), f.textNode("a\u0000b"),
                f.textNode("Zürich 北京 \u202Eevil\u202C 🧾 e\u0301"), f.textNode("\uD800"),
                f.textNode("'; DROP TABLE accounts; --"), f.textNode("1e999999999"), f.textNode("9999-12-31"),
                f.textNode("2026-02-30"), f.numberNode(-1), f.numberNode(Long.MIN_VALUE),
                f.numberNode(new java.math.BigDecimal("1E+400")), f.booleanNode(true), f.arrayNode(),
                f.objectNode().put("x", "\u0000"));
    }

    /** Values for every query and path parameter. */
    private static List<String> parameterValues() {
        return List.of("", "x".repeat(5_000), "a\u0000b", "Zürich 🧾", "-1", "0", "99999999999999999999",
                "1e999999999", "9999-12-31", "+999999999-12-31", "2026-02-30", "../../etc/passwd");
    }

    @Test
    void everyFieldAndParameterOfEveryEndpointSurvivesHostileInputWithoutA500AndA4xxStoresNothing() throws Exception {
        long started = System.nanoTime();
        int requests = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        List<JsonNode> hostile = bodyValues();
        for (Operation op : operations()) {
            if (op.path.equals("/api/v1/test-clock/advance") || op.path.equals("/api/v1/billing-runs")) {
                // valid dates there bill months of invoices for A; their limits have their own tests
                continue;
            }
            String path = expand(op.path, name -> a.ids.getOrDefault(name, "1"));
            List<Mutation> mutations = new ArrayList<>();
            JsonNode schema = op.bodySchema();
            String contentType = op.contentType();
            if (schema != null && contentType.contains("json")) {
                ObjectNode valid = sample(schema, 0) instanceof ObjectNode o ? o : null;
                if (valid != null) {
                    for (String fieldPath : fieldPaths(valid, "")) {
                        for (JsonNode value : hostile) {
                            mutations.add(new Mutation(path, "application/json", with(valid, fieldPath, value).toString(),
                                    fieldPath + "=" + abbreviate(value.toString())));
                        }
                    }
                }
                for (String malformed : List.of("", "{", "[]", "null", "{\"a\":", "\u0000", "{}".repeat(10), "\"x\"",
                        "{\"x\":" + "[".repeat(5_000) + "}")) {
                    mutations.add(new Mutation(path, "application/json", malformed, "malformed " + abbreviate(malformed)));
                }
                mutations.add(new Mutation(path, "text/plain", "hello", "wrong content type"));
            } else if (contentType != null) {
                for (String body : List.of("", "\u0000", "x".repeat(100_000), "PK\u0003\u0004garbage")) {
                    mutations.add(new Mutation(path, contentType, body, contentType + " " + abbreviate(body)));
                }
            }
            for (JsonNode parameter : op.parameters()) {
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                for (String text : parameterValues()) {
                    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
                    String target = in.equals("path")
                            ? expand(op.path, n -> n.equals(name) ? encoded : a.ids.getOrDefault(n, "1"))
                            : path + (path.contains("?") ? "&" : "?") + name + "=" + encoded;
                    String body = schema == null ? null : contentType.contains("json")
                            ? sample(schema, 0).toString() : "x";
                    mutations.add(new Mutation(target, contentType == null ? null
                            : contentType.contains("json") ? "application/json" : contentType, body,
                            in + " " + name + "=" + abbreviate(text)));
                }
            }
            for (Mutation m : mutations) {
                Map<String, Long> rowsBefore = syncRows(a.tenant);
                Result result = send(a.key, op.method, m.path, m.contentType, m.body);
                if (result.status < 0) {
                    continue; // never sent, not counted
                }
                if (++requests % 500 == 0) {
                    System.out.println("Fuzz: " + requests + " requests after "
                            + (System.nanoTime() - started) / 1_000_000_000 + " s");
                }
                if (result.status >= 500) {
                    failures.add(op.method + " " + op.path + " [" + m.what + "] -> " + result.status + " " + abbreviate(result.body));
                    System.out.println("  5xx: " + failures.getLast());
                } else if (result.status >= 400) {
                    refused++;
                    if (!syncRows(a.tenant).equals(rowsBefore)) {
                        stored.add(op.method + " " + op.path + " [" + m.what + "] -> " + result.status);
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println("Fuzz: " + requests + " requests generated from the OpenAPI document in " + seconds
                + " s; " + refused + " refused with 4xx, " + failures.size() + " answered 5xx, " + stored.size()
                + " 4xx that stored something");
        stored.stream().limit(20).forEach(s -> System.out.println("  stored: " + s));
        assertThat(requests).isGreaterThanOrEqualTo(2_000);
        assertThat(failures).isEmpty();
        assertThat(stored).isEmpty();
    }

    record Mutation(String path, String contentType, String body, String what) {
    }

    private Map<String, Long> syncRows(TenantId tenant) {
        Map<String, Long> rows = rowsOf(tenant);
        ASYNC_TABLES.forEach(rows::remove);
        return rows;
    }

    private static String abbreviate(String text) {
        String one = text.replace("\n", " ");
        return one.length() <= 60 ? one : one.substring(0, 60) + "…(" + one.length() + ")";
    }

    /** Dotted paths of every field of a sample body, nested objects and the first array element included. */
    private static List<String> fieldPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                paths.addAll(fieldPaths(object.get(name), path));
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            paths.addAll(fieldPaths(array.get(0), prefix + ".0"));
        }
        return paths;
    }

    private static JsonNode with(ObjectNode valid, String fieldPath, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        String[] parts = fieldPath.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent instanceof ArrayNode array ? array.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading the OpenAPI document
    // ---------------------------------------------------------------------------------------------------------

    private List<Operation> operations() {
        List<Operation> list = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                list.add(new Operation(m.getKey().toUpperCase(), p.getKey(), m.getValue()));
            }
        }));
        return list;
    }

    private static String expand(String template, Function<String, String> values) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\*?([A-Za-z]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** A plausible value for a schema: examples first, then by type and format. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return depth > 6 ? f.nullNode() : sample(doc.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf")) {
            return sample(schema.get("allOf").get(0), depth + 1);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> switch (format) {
                case "uuid" -> f.textNode(a.ids.get("accountId"));
                case "date" -> f.textNode("2026-02-01");
                case "date-time" -> f.textNode("2026-02-01T10:00:00Z");
                default -> f.textNode("walls");
            };
            case "integer" -> f.numberNode(1);
            case "number" -> f.numberNode(1);
            case "boolean" -> f.booleanNode(false);
            case "array" -> f.arrayNode().add(sample(schema.path("items"), depth + 1));
            default -> {
                ObjectNode object = f.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                yield object;
            }
        };
    }

    private Result send(String key, String method, String path, String contentType, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60));
            if (key != null) {
                request.header("X-Api-Key", key);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body());
        } catch (IllegalArgumentException e) {
            return new Result(-1, "the client refused to send it: " + e.getMessage()); // e.g. an unencodable URI
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
