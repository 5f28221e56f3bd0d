package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at random points of a billing run, a test-clock advance and a usage ingestion; restart; nothing is
 * lost or doubled. The application runs in a child JVM ({@link ChildApplication}) against a PostgreSQL that this
 * test starts as a separate process, so it survives every kill, as a real database server would.
 * <p>
 * After the last kill, a clean life finishes the work (one billing run, the interrupted usage batches sent again
 * as a client retries what it got no answer for) and the test checks, straight in the database:
 * every subscription invoiced exactly once for every period up to the sandbox clock, with no period missing;
 * every usage event the API acknowledged stored exactly once; invoice numbers gapless; and the invoice read
 * model equal to a rebuild from the event store (its tables emptied, its token deleted, replayed by a new start).
 * <p>
 * {@code -Dratebook.crash.kills=N} sets the number of kills (20 here; the {@code crash-long} Maven profile runs
 * 100 and prints the same figures). The seed is printed, and {@code -Dratebook.crash.seed} repeats a run.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // junit-platform.properties
@org.junit.jupiter.api.parallel.ResourceLock("child-applications")
class CrashTest {

    private static final Duration START = Duration.ofSeconds(Long.getLong("ratebook.crash.start-timeout", 600));
    private static final Pattern DIGITS = Pattern.compile("(\\d+)$");
    private static final int ACCOUNTS = 4;
    /** The demo tenant without DemoBusiness's customers: the test's own accounts are what it checks. */
    private static final Map<String, String> LIFE = Map.of("ratebook.demo.customers", "false");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate db;
    private static Path work;

    private enum Work { BILLING_RUN, CLOCK_ADVANCE, USAGE_INGESTION }

    @BeforeAll
    static void database() throws IOException {
        work = Files.createDirectories(Path.of("target", "crash-test")).toAbsolutePath();
        postgres = EmbeddedPostgres.builder()
                // a real database's durability: a commit is on disk when it returns (zonky turns both off)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start();
        DataSource dataSource = postgres.getPostgresDatabase();
        db = new JdbcTemplate(dataSource);
        db.execute("CREATE DATABASE ratebook_crash");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedAtRandomPointsNothingIsLostOrDoubled() throws Exception {
        int kills = Integer.getInteger("ratebook.crash.kills", 20);
        long seed = Long.getLong("ratebook.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = postgres.getJdbcUrl("postgres", "ratebook_crash");
        JdbcTemplate ratebook = new JdbcTemplate(postgres.getDatabase("postgres", "ratebook_crash"));
        Path dataDir = Files.createDirectories(work.resolve("data-" + seed));
        Path log = work.resolve("app-" + seed + ".log");
        Path aot = Files.createDirectories(work.resolve("aot-" + seed)).resolve("ratebook.aot"); // life 0 records it
        long began = System.nanoTime();

        // life 0: the demo tenant (a sandbox with a test clock), accounts on the Pro plan, a meter
        String key;
        List<String> subscriptions = new ArrayList<>();
        try (ChildApplication app = ChildApplication.start(url, dataDir, log, LIFE, START, aot)) {
            key = Files.readAllLines(dataDir.resolve("demo-credentials.txt")).stream()
                    .filter(l -> l.startsWith("api_key=")).findFirst().orElseThrow().substring("api_key=".length());
            ApiClient api = new ApiClient(app.port, key);
            assertThat(api.post("/api/v1/meters", "{\"code\":\"api_calls\",\"unit\":\"call\",\"aggregation\":\"SUM\"}")
                    .status()).isBetween(200, 201);
            for (int i = 0; i < ACCOUNTS; i++) {
                JsonNode account = api.post("/api/v1/accounts",
                        "{\"name\":\"Crash " + i + " GmbH\",\"currency\":\"EUR\",\"country\":\"DE\"}").json();
                JsonNode sub = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account.get("accountId").asText()
                        + "\",\"plan\":\"Pro\",\"quantity\":" + (i + 1) + "}").json();
                subscriptions.add(sub.get("subscriptionId").asText());
            }
            app.stop(); // a clean exit, which writes the ahead-of-time cache the next twenty lives start from
        }
        if (Files.exists(aot)) {
            System.out.println("Crash test: ahead-of-time cache of " + Files.size(aot) / 1_048_576 + " MB recorded");
        }

        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // transaction id -> ACCEPTED/DUPLICATE/REJECTED
        List<List<String>> unanswered = new ArrayList<>();          // batches a killed node never answered
        Map<Work, Integer> killsBy = new HashMap<>();
        int batch = 0;
        for (int k = 0; k < kills; k++) {
            Work what = Work.values()[k % Work.values().length];
            try (ChildApplication app = ChildApplication.start(url, dataDir, log, LIFE, START, aot)) {
                ApiClient api = new ApiClient(app.port, key);
                Instant now = Instant.parse(api.get("/api/v1/test-clock").json().get("now").asText());
                AtomicReference<Runnable> job = new AtomicReference<>();
                List<String> ids = new ArrayList<>();
                switch (what) {
                    case BILLING_RUN -> job.set(() -> api.post("/api/v1/billing-runs", "{}"));
                    case CLOCK_ADVANCE -> {
                        String to = LocalDate.ofInstant(now, ZoneOffset.UTC).plusMonths(1).toString();
                        job.set(() -> api.post("/api/v1/test-clock/advance", "{\"to\":\"" + to + "\"}"));
                    }
                    case USAGE_INGESTION -> {
                        int b = batch++;
                        StringBuilder events = new StringBuilder();
                        for (int e = 0; e < 200; e++) {
                            String id = "crash-" + seed + "-" + b + "-" + e;
                            ids.add(id);
                            events.append(e == 0 ? "" : ",").append("{\"transactionId\":\"").append(id)
                                    .append("\",\"subscriptionId\":\"").append(subscriptions.get(e % ACCOUNTS))
                                    .append("\",\"meter\":\"api_calls\",\"quantity\":\"").append(1 + e % 7)
                                    .append("\",\"timestamp\":\"").append(now.minusSeconds(60)).append("\"}");
                        }
                        String body = "{\"events\":[" + events + "]}";
                        job.set(() -> record(api.post("/api/v1/usage", body), acknowledged));
                    }
                }
                Thread worker = new Thread(() -> {
                    try {
                        job.get().run();
                    } catch (RuntimeException connectionLost) {
                        // the node was killed while we waited for the answer
                    }
                });
                worker.start();
                ChildApplication.sleep(random.nextInt(what == Work.CLOCK_ADVANCE ? 4000 : 1500));
                app.kill();
                worker.join();
                if (what == Work.USAGE_INGESTION && ids.stream().anyMatch(id -> !acknowledged.containsKey(id))) {
                    unanswered.add(ids);
                }
                killsBy.merge(what, 1, Integer::sum);
            }
        }

        // the clean life: retry what got no answer, bill up to the clock, then check
        Instant clock;
        try (ChildApplication app = ChildApplication.start(url, dataDir, log, LIFE, START, aot)) {
            ApiClient api = new ApiClient(app.port, key);
            for (List<String> ids : unanswered) {
                resend(api, ids, subscriptions, acknowledged, seed);
            }
            assertThat(api.post("/api/v1/billing-runs", "{}").status()).isEqualTo(200);
            clock = Instant.parse(api.get("/api/v1/test-clock").json().get("now").asText());
            app.stop();
        }

        // every subscription invoiced exactly once per period, none missing up to the clock
        for (String sub : subscriptions) {
            List<Map<String, Object>> periods = ratebook.queryForList("""
                    SELECT l.period_from, l.period_to, count(*) AS n FROM invoice_lines l
                    JOIN invoices i ON i.tenant_id = l.tenant_id AND i.invoice_id = l.invoice_id
                    WHERE l.subscription_id = ?::uuid AND l.item_type = 'RECURRING' AND i.status <> 'DISCARDED'
                    GROUP BY l.period_from, l.period_to ORDER BY l.period_from""", sub);
            assertThat(periods).as("periods of " + sub).isNotEmpty();
            assertThat(periods).as("a period invoiced twice for " + sub).allSatisfy(p ->
                    assertThat(((Number) p.get("n")).intValue()).isEqualTo(1));
            for (int i = 0; i + 1 < periods.size(); i++) {
                assertThat(periods.get(i + 1).get("period_from")).as("no gap after " + periods.get(i))
                        .isEqualTo(periods.get(i).get("period_to"));
            }
            LocalDate lastTo = ((java.sql.Date) periods.getLast().get("period_to")).toLocalDate();
            assertThat(lastTo).as("billed in advance up to the clock").isAfter(LocalDate.ofInstant(clock, ZoneOffset.UTC));
        }

        // every acknowledged usage event stored exactly once (REJECTED ones not at all)
        Map<String, Integer> stored = new HashMap<>();
        ratebook.query("SELECT transaction_id, count(*) FROM usage_events WHERE transaction_id LIKE ? GROUP BY 1",
                rs -> {
                    stored.put(rs.getString(1), rs.getInt(2));
                }, "crash-" + seed + "-%");
        acknowledged.forEach((id, status) -> {
            int expected = status.equals("REJECTED") ? 0 : 1;
            assertThat(stored.getOrDefault(id, 0)).as(id + " acknowledged " + status).isEqualTo(expected);
        });
        assertThat(stored.keySet()).as("nothing stored that the API did not acknowledge")
                .allSatisfy(id -> assertThat(acknowledged).containsKey(id));

        // invoice numbers gapless
        List<String> numbers = ratebook.queryForList(
                "SELECT number FROM invoices WHERE tenant_id = 'demo' AND number IS NOT NULL", String.class);
        TreeSet<Long> sequence = new TreeSet<>();
        for (String number : numbers) {
            Matcher m = DIGITS.matcher(number);
            assertThat(m.find()).as(number).isTrue();
            sequence.add(Long.parseLong(m.group(1)));
        }
        assertThat(sequence).as("numbers are unique").hasSize(numbers.size());
        assertThat(sequence.last() - sequence.first() + 1).as("numbers without gaps: " + sequence)
                .isEqualTo(sequence.size());

        // the invoice read model equals a rebuild from the event store
        long issuedEvents = ratebook.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type IN "
                + "('org.ratebook.engine.invoicing.api.InvoiceIssuedEvent', "
                + "'org.ratebook.engine.invoicing.api.InvoiceDraftedEvent')", Long.class);
        List<Map<String, Object>> before = readModel(ratebook);
        assertThat((long) before.size()).as("one invoice row per invoice event").isEqualTo(issuedEvents);
        ratebook.execute("TRUNCATE invoices, invoice_lines, payments, credit_notes, account_credits, usage_spikes");
        ratebook.update("DELETE FROM token_entry WHERE processor_name = 'invoices'");
        try (ChildApplication app = ChildApplication.start(url, dataDir, log, LIFE, START, aot)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ratebook.queryForObject("SELECT count(*) FROM invoices", Long.class) < before.size()
                    && System.nanoTime() < deadline) {
                ChildApplication.sleep(200);
            }
            ChildApplication.sleep(1000); // and its last batch (lines, totals) committed
            app.stop();
        }
        assertThat(readModel(ratebook)).as("read model after a rebuild from the event store").isEqualTo(before);

        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        System.out.printf("Crash test (seed %d): %d kills %s, %d invoices, %d usage events acknowledged "
                        + "(%d batches resent), 0 lost, 0 doubled, numbers %d..%d gapless, read model = rebuild; %d s%n",
                seed, kills, killsBy, numbers.size(), acknowledged.size(), unanswered.size(), sequence.first(),
                sequence.last(), seconds);
    }

    private static List<Map<String, Object>> readModel(JdbcTemplate ratebook) {
        List<Map<String, Object>> rows = new ArrayList<>(ratebook.queryForList("""
                SELECT i.invoice_id, i.account_id, i.number, i.invoice_date, i.status, i.subtotal, i.tax, i.total,
                       i.pack_hash, count(l.line_no) AS lines, coalesce(sum(l.amount), 0) AS amounts
                FROM invoices i LEFT JOIN invoice_lines l ON l.tenant_id = i.tenant_id AND l.invoice_id = i.invoice_id
                GROUP BY i.tenant_id, i.invoice_id ORDER BY i.invoice_id"""));
        return rows;
    }

    private static void record(ApiClient.Response response, Map<String, String> acknowledged) {
        if (response.status() != 200) {
            return;
        }
        for (JsonNode result : response.json().get("results")) {
            acknowledged.put(result.get("transactionId").asText(), result.get("status").asText());
        }
    }

    /** A client that got no answer sends the same batch again: what was stored comes back DUPLICATE. */
    private static void resend(ApiClient api, List<String> ids, List<String> subscriptions,
                               Map<String, String> acknowledged, long seed) {
        // the same events as before, rebuilt from their ids (batch b, event e)
        Instant now = Instant.parse(api.get("/api/v1/test-clock").json().get("now").asText());
        StringBuilder events = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            int e = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            seen.add(id);
            events.append(events.isEmpty() ? "" : ",").append("{\"transactionId\":\"").append(id)
                    .append("\",\"subscriptionId\":\"").append(subscriptions.get(e % ACCOUNTS))
                    .append("\",\"meter\":\"api_calls\",\"quantity\":\"").append(1 + e % 7)
                    .append("\",\"timestamp\":\"").append(now.minusSeconds(60)).append("\"}");
        }
        ApiClient.Response response = api.post("/api/v1/usage", "{\"events\":[" + events + "]}");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode result : response.json().get("results")) {
            String id = result.get("transactionId").asText();
            String status = result.get("status").asText();
            String before = acknowledged.get(id);
            if (before != null && !before.equals("REJECTED")) {
                assertThat(status).as(id + " was " + before + " before the kill").isEqualTo("DUPLICATE");
            }
            acknowledged.putIfAbsent(id, status);
            if (before == null && status.equals("DUPLICATE")) {
                acknowledged.put(id, "DUPLICATE"); // stored before the kill, its answer lost
            }
        }
        assertThat(seen).hasSize(ids.size());
    }
}
