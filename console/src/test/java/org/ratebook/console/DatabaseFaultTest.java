package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under load: every connection dropped (pg_terminate_backend), then PostgreSQL stopped
 * and started again. Each request either succeeds or fails with a 503 problem (JSON, no stack trace) and
 * writes nothing; a usage batch is stored whole or not at all; the application serves again without a restart.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // junit-platform.properties
@org.junit.jupiter.api.parallel.ResourceLock("child-applications")
class DatabaseFaultTest {

    private static Path pgData;
    private static int pgPort;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void database() throws IOException {
        pgData = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "fault-pg");
        pgPort = ChildApplication.freePort();
        postgres = startPostgres();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE ratebook_fault");
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(pgData.toFile()).setCleanDataDirectory(false)
                .setPort(pgPort).start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    record Outcome(int status, String contentType, String body, List<String> ids) {
    }

    @Test
    void droppedConnectionsAndARestartedDatabaseFailCleanlyAndTheApplicationRecovers() throws Exception {
        String url = "jdbc:postgresql://localhost:" + pgPort + "/ratebook_fault";
        Path dataDir = Files.createDirectories(Path.of("target", "fault-test").toAbsolutePath());
        Path log = dataDir.resolve("app.log");
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        try (ChildApplication app = ChildApplication.start(url, dataDir, log,
                Map.of("spring.datasource.hikari.connection-timeout", "3000"), Duration.ofSeconds(240))) {
            String key = Files.readAllLines(dataDir.resolve("demo-credentials.txt")).stream()
                    .filter(l -> l.startsWith("api_key=")).findFirst().orElseThrow().substring(8);
            ApiClient api = new ApiClient(app.port, key);
            api.post("/api/v1/meters", "{\"code\":\"api_calls\",\"unit\":\"call\",\"aggregation\":\"SUM\"}");
            String account = api.post("/api/v1/accounts", "{\"name\":\"Fault AG\",\"currency\":\"EUR\",\"country\":\"DE\"}")
                    .json().get("accountId").asText();
            String sub = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                    .json().get("subscriptionId").asText();

            List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                int batch = 0;
                while (running.get()) {
                  try {
                    Instant now = Instant.parse(api.get("/api/v1/test-clock").json().path("now").asText(
                            Instant.now().toString()));
                    List<String> ids = new ArrayList<>();
                    StringBuilder events = new StringBuilder();
                    for (int e = 0; e < 50; e++) {
                        String id = "fault-" + batch + "-" + e;
                        ids.add(id);
                        events.append(e == 0 ? "" : ",").append("{\"transactionId\":\"").append(id)
                                .append("\",\"subscriptionId\":\"").append(sub)
                                .append("\",\"meter\":\"api_calls\",\"quantity\":\"1\",\"timestamp\":\"")
                                .append(now.minusSeconds(30)).append("\"}");
                    }
                    batch++;
                    ApiClient.Response r = api.post("/api/v1/usage", "{\"events\":[" + events + "]}");
                    outcomes.add(new Outcome(r.status(), r.contentType(), r.text(), ids));
                  } catch (RuntimeException e) {
                    outcomes.add(new Outcome(-1, "", e.toString(), List.of()));
                  }
                }
            });
            load.start();
            ChildApplication.sleep(1500);

            // fault 1: every connection of the application dropped, three times
            for (int i = 0; i < 3; i++) {
                admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = 'ratebook_fault' AND pid <> pg_backend_pid()");
                ChildApplication.sleep(700);
            }
            // fault 2: PostgreSQL stopped for a few seconds, then started again on the same data
            postgres.close();
            ChildApplication.sleep(4000);
            postgres = startPostgres();
            admin = new JdbcTemplate(postgres.getPostgresDatabase());
            ChildApplication.sleep(3000);
            running.set(false);
            load.join();

            // recovered without a restart: a new batch is accepted, the read side answers
            ApiClient.Response after = api.post("/api/v1/usage", "{\"events\":[{\"transactionId\":\"after\","
                    + "\"subscriptionId\":\"" + sub + "\",\"meter\":\"api_calls\",\"quantity\":\"1\",\"timestamp\":\""
                    + Instant.parse(api.get("/api/v1/test-clock").json().get("now").asText()).minusSeconds(30) + "\"}]}");
            assertThat(after.status()).as(after.text()).isEqualTo(200);
            assertThat(api.get("/api/v1/invoices").status()).isEqualTo(200);
            assertThat(app.isAlive()).isTrue();

            JdbcTemplate ratebook = new JdbcTemplate(postgres.getDatabase("postgres", "ratebook_fault"));
            int failed = 0;
            for (Outcome o : outcomes) {
                long stored = ratebook.queryForObject("SELECT count(*) FROM usage_events WHERE transaction_id = ANY (?)",
                        Long.class, (Object) o.ids().toArray(String[]::new));
                if (o.status() == 200) {
                    long accepted = 0;
                    for (JsonNode result : new com.fasterxml.jackson.databind.ObjectMapper().readTree(o.body())
                            .get("results")) {
                        accepted += result.get("status").asText().equals("ACCEPTED") ? 1 : 0;
                    }
                    assertThat(accepted).as("the batch was accepted").isEqualTo(o.ids().size());
                    assertThat(stored).as("an answered batch is stored whole").isEqualTo(o.ids().size());
                } else {
                    failed++;
                    assertThat(o.status()).as(o.body()).isEqualTo(503);
                    assertThat(o.contentType()).startsWith("application/problem+json");
                    assertThat(o.body()).contains("Database unavailable").doesNotContain("Exception", "\tat ");
                    assertThat(stored).as("a refused batch leaves nothing").isZero();
                }
            }
            assertThat(failed).as("the faults were felt").isPositive();
            System.out.printf("Database faults: 3 connection drops + 1 restart; %d requests, %d answered 503 "
                    + "problem, %d succeeded, 0 half-written, recovered without restart%n",
                    outcomes.size(), failed, outcomes.size() - failed);
        }
    }
}
