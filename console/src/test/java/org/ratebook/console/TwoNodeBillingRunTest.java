package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of Ratebook (child JVMs, {@link ChildApplication}) on different ports and one PostgreSQL share a billing
 * run (decision 027). A: the same run started on both nodes is one run; every due account is invoiced exactly once,
 * numbers are gapless, and both nodes did part of the work. B: a node killed (SIGKILL) in the middle of a run leaves
 * its share to the other, which finishes the run once its claims' 3-second leases have run out; still exactly once
 * and gapless. Checked straight in the database.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // junit-platform.properties
@org.junit.jupiter.api.parallel.ResourceLock("child-applications")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeBillingRunTest {

    private static final Duration START = Duration.ofSeconds(Long.getLong("ratebook.crash.start-timeout", 600));
    private static final int ACCOUNTS = Integer.getInteger("ratebook.two-nodes.accounts", 120);
    private static final Pattern DIGITS = Pattern.compile("(\\d+)$");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate ratebook;
    private static ChildApplication nodeA;
    private static ChildApplication nodeB;
    private static ApiClient apiA;
    private static ApiClient apiB;
    private static long began;

    /** A node: small chunks, a short lease and a quick poll, so a few hundred accounts spread over both. */
    private static Map<String, String> node(String id, boolean demo) {
        return Map.of("ratebook.demo.customers", "false", "ratebook.demo.enabled", Boolean.toString(demo),
                "ratebook.node.id", id, "ratebook.billing.worker.lease", "PT3S",
                "ratebook.billing.worker.poll", "PT0.3S", "ratebook.billing.worker.chunk", "6");
    }

    @BeforeAll
    static void twoNodes() throws Exception {
        began = System.nanoTime();
        Path work = Files.createDirectories(Path.of("target", "two-nodes")).toAbsolutePath();
        postgres = EmbeddedPostgres.builder().start();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE ratebook_nodes");
        String url = postgres.getJdbcUrl("postgres", "ratebook_nodes");
        ratebook = new JdbcTemplate(postgres.getDatabase("postgres", "ratebook_nodes"));
        long stamp = System.currentTimeMillis();
        Path dataA = Files.createDirectories(work.resolve("a-" + stamp));
        Path dataB = Files.createDirectories(work.resolve("b-" + stamp));
        // A migrates the schema and creates the demo tenant; B starts while A's customers are being created
        nodeA = ChildApplication.start(url, dataA, work.resolve("a-" + stamp + ".log"), node("node-a", true), START);
        String key = Files.readAllLines(dataA.resolve("demo-credentials.txt")).stream()
                .filter(l -> l.startsWith("api_key=")).findFirst().orElseThrow().substring("api_key=".length());
        apiA = new ApiClient(nodeA.port, key);
        ExecutorService starting = Executors.newSingleThreadExecutor();
        Future<ChildApplication> b = starting.submit(() -> ChildApplication.start(url, dataB,
                work.resolve("b-" + stamp + ".log"), node("node-b", false), START));
        customers(apiA, "Before", ACCOUNTS);
        nodeB = b.get();
        starting.shutdown();
        apiB = new ApiClient(nodeB.port, key);
        System.out.printf("Two nodes: both up and %d accounts on Pro after %d s%n", ACCOUNTS, seconds());
    }

    @AfterAll
    static void stop() throws IOException {
        for (ChildApplication node : new ChildApplication[]{nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theSameRunStartedOnBothNodesInvoicesEveryDueAccountOnceAndBothNodesWorkOnIt() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<ApiClient.Response>> starts = both.invokeAll(List.<Callable<ApiClient.Response>>of(
                () -> apiA.post("/api/v1/billing-runs?async=true", "{}"),
                () -> apiB.post("/api/v1/billing-runs?async=true", "{}")));
        both.shutdown();
        JsonNode onA = starts.get(0).get().json();
        JsonNode onB = starts.get(1).get().json();
        assertThat(starts.get(0).get().status()).as(onA.toString()).isEqualTo(202);
        assertThat(starts.get(1).get().status()).as(onB.toString()).isEqualTo(202);
        assertThat(onB.get("runId").asText()).as("one run, whichever node was asked").isEqualTo(onA.get("runId").asText());

        JsonNode run = awaitFinished(apiB, onA.get("runId").asText());
        assertThat(run.get("accountsDue").asInt()).isEqualTo(ACCOUNTS);
        assertThat(run.get("accountsDone").asInt()).isEqualTo(ACCOUNTS);
        assertThat(run.get("invoices").asInt()).isEqualTo(ACCOUNTS);
        assertThat(run.get("nodes").get("node-a").asInt()).as("node A did part: " + run.get("nodes")).isPositive();
        assertThat(run.get("nodes").get("node-b").asInt()).as("node B did part: " + run.get("nodes")).isPositive();
        assertEveryAccountInvoicedOnceAndNumbersGapless(ACCOUNTS);
        System.out.printf("Two nodes, one run: %s items per node, %d invoices, after %d s%n", run.get("nodes"),
                run.get("invoices").asInt(), seconds());
    }

    @Test
    @Order(2)
    void aNodeKilledMidRunLeavesItsShareToTheOtherWhichFinishesTheRun() throws Exception {
        customers(apiB, "After", ACCOUNTS);
        ApiClient.Response started = apiA.post("/api/v1/billing-runs?async=true", "{}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (workedBy(runId, "node-a") < ACCOUNTS / 8 && System.nanoTime() < deadline) {
            ChildApplication.sleep(20);
        }
        int heldAtKill = ratebook.queryForObject("SELECT count(*) FROM billing_run_items WHERE run_id = ?::uuid "
                + "AND state = 'claimed' AND claimed_by = 'node-a'", Integer.class, runId);
        nodeA.kill();
        int doneByAAtKill = workedBy(runId, "node-a");
        assertThat(doneByAAtKill).as("node A was killed in the middle of the run").isBetween(1, 2 * ACCOUNTS - 1);

        JsonNode run = awaitFinished(apiB, runId);
        assertThat(run.get("accountsDone").asInt()).isEqualTo(ACCOUNTS);
        assertThat(run.get("invoices").asInt()).isEqualTo(ACCOUNTS);
        assertThat(run.get("nodes").get("node-b").asInt()).isEqualTo(ACCOUNTS - doneByAAtKill);
        assertThat(ratebook.queryForObject("SELECT count(*) FROM billing_run_items WHERE run_id = ?::uuid "
                + "AND state <> 'done'", Integer.class, runId)).isZero();
        assertEveryAccountInvoicedOnceAndNumbersGapless(2 * ACCOUNTS);
        System.out.printf("Node A killed after %d items (%d claimed in hand), node B finished the run: %s; after %d s%n",
                doneByAAtKill, heldAtKill, run.get("nodes"), seconds());
    }

    private static int workedBy(String runId, String node) {
        return ratebook.queryForObject("SELECT count(*) FROM billing_run_items WHERE run_id = ?::uuid AND "
                + "worked_by = ?", Integer.class, runId, node);
    }

    /** {@code n} accounts, each with one Pro subscription starting today (due now), created four at a time. */
    private static void customers(ApiClient api, String prefix, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = prefix + " " + i + " GmbH";
            work.add(() -> {
                ApiClient.Response account = api.post("/api/v1/accounts",
                        "{\"name\":\"" + name + "\",\"currency\":\"EUR\",\"country\":\"DE\"}");
                assertThat(account.status()).as(account.text()).isEqualTo(201);
                ApiClient.Response sub = api.post("/api/v1/subscriptions", "{\"accountId\":\""
                        + account.json().get("accountId").asText() + "\",\"plan\":\"Pro\"}");
                assertThat(sub.status()).as(sub.text()).isEqualTo(201);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
        pool.shutdown();
    }

    private static JsonNode awaitFinished(ApiClient api, String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode run = api.get("/api/v1/billing-runs/" + runId).json();
        while (run.get("state").asText().equals("running") && System.nanoTime() < deadline) {
            ChildApplication.sleep(200);
            run = api.get("/api/v1/billing-runs/" + runId).json();
        }
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("finished");
        return run;
    }

    /** Every subscription's first period on exactly one invoice; the demo tenant's numbers unique and gapless. */
    private static void assertEveryAccountInvoicedOnceAndNumbersGapless(int subscriptions) {
        // the invoice read model follows the event store (after a kill, once the survivor has claimed its segments)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ratebook.queryForObject("SELECT count(*) FROM invoices WHERE tenant_id = 'demo'", Integer.class)
                < subscriptions && System.nanoTime() < deadline) {
            ChildApplication.sleep(200);
        }
        List<Map<String, Object>> perSubscription = ratebook.queryForList("""
                SELECT s.subscription_id, count(l.line_no) AS n FROM subscriptions s
                LEFT JOIN invoice_lines l ON l.tenant_id = s.tenant_id AND l.subscription_id = s.subscription_id
                                         AND l.item_type = 'RECURRING'
                WHERE s.tenant_id = 'demo' GROUP BY s.subscription_id""");
        assertThat(perSubscription).hasSize(subscriptions);
        assertThat(perSubscription).as("each subscription invoiced exactly once")
                .allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
        long events = ratebook.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = "
                + "'org.ratebook.engine.invoicing.api.InvoiceIssuedEvent'", Long.class);
        assertThat(events).as("one invoice event per account").isEqualTo(subscriptions);
        List<String> numbers = ratebook.queryForList(
                "SELECT number FROM invoices WHERE tenant_id = 'demo' AND number IS NOT NULL", String.class);
        TreeSet<Long> sequence = new TreeSet<>();
        for (String number : numbers) {
            Matcher m = DIGITS.matcher(number);
            assertThat(m.find()).as(number).isTrue();
            sequence.add(Long.parseLong(m.group(1)));
        }
        assertThat(numbers).hasSize(subscriptions);
        assertThat(sequence).as("numbers are unique").hasSize(numbers.size());
        assertThat(sequence.first()).isEqualTo(1);
        assertThat(sequence.last()).as("numbers without gaps").isEqualTo(subscriptions);
    }

    private static long seconds() {
        return Duration.ofNanos(System.nanoTime() - began).toSeconds();
    }
}
