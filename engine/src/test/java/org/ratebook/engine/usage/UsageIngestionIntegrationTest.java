package org.ratebook.engine.usage;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Usage ingestion on a real PostgreSQL: idempotent by constraint, durable, and strict about what it takes. */
@SpringBootTest(classes = EngineTestApplication.class)
class UsageIngestionIntegrationTest {

    private static final Instant JAN_20 = Instant.parse("2026-01-14T10:00:00Z");
    /** The engine tests' clock: today, when the subscriptions start. */
    private static final Instant JAN_15 = Instant.parse("2026-01-15T00:00:00Z");

    @Autowired UsageIngestion ingestion;
    @Autowired UsageQueries usage;
    @Autowired Meters meters;
    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired JdbcTemplate jdbc;

    private TenantId tenant;
    private UUID subscription;
    private AccountId account;

    @BeforeEach
    void aTenantWithASubscriptionAndMeters() {
        tenant = TenantId.of("u-" + UUID.randomUUID().toString().substring(0, 8));
        subscription = subscribe(tenant);
        account = lastAccount;
        meters.define(tenant, new Meter("api_calls", "call", Aggregation.SUM, false));
        meters.define(tenant, new Meter("backup_gb", "GB", Aggregation.MAX, true));
        meters.define(tenant, new Meter("devices", "device", Aggregation.LAST, false));
    }

    private AccountId lastAccount;

    private UUID subscribe(TenantId t) {
        tenants.create(new Tenant(t, t + " Ltd", List.of(), null));
        packs.importShipped(t, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        lastAccount = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(t, lastAccount, "Metered", null, "EUR", null, null, null, List.of(), null));
        return subscribe(t, lastAccount, null);
    }

    private UUID subscribe(TenantId t, AccountId owner, LocalDate start) {
        SubscriptionId id = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(t, id, owner, "Pro", 1, start));
        return id.value();
    }

    private UsageEvent event(String tx, String meter, String quantity, Instant at) {
        return new UsageEvent(tx, subscription, meter, new BigDecimal(quantity), at, Map.of());
    }

    private List<UsageEvent> batch(int size) {
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            events.add(event("tx-" + i, "api_calls", "1", JAN_20.plusSeconds(i)));
        }
        return events;
    }

    private int stored() {
        return jdbc.queryForObject("SELECT count(*) FROM usage_events WHERE tenant_id = ?", Integer.class, tenant.value());
    }

    @Test
    void aBatchSentThreeTimesIsCountedOnce() {
        List<UsageEvent> events = batch(100);
        assertThat(ingestion.ingest(tenant, events)).extracting(UsageOutcome::status).containsOnly(UsageOutcome.Status.ACCEPTED);
        assertThat(ingestion.ingest(tenant, events)).extracting(UsageOutcome::status).containsOnly(UsageOutcome.Status.DUPLICATE);
        assertThat(ingestion.ingest(tenant, events)).extracting(UsageOutcome::status).containsOnly(UsageOutcome.Status.DUPLICATE);
        assertThat(stored()).isEqualTo(100);
        assertThat(usage.usage(tenant, subscription, JAN_20, JAN_20.plusSeconds(3600)))
                .singleElement().satisfies(u -> {
                    assertThat(u.meter()).isEqualTo("api_calls");
                    assertThat(u.quantity()).isEqualByComparingTo("100");
                    assertThat(u.events()).isEqualTo(100);
                });
    }

    @Test
    void concurrentSendersOfTheSameEventsStillCountEachOnce() throws Exception {
        List<UsageEvent> events = batch(500);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<List<UsageOutcome>> send = () -> ingestion.ingest(tenant, events);
            long accepted = 0;
            for (Future<List<UsageOutcome>> f : pool.invokeAll(List.of(send, send, send))) {
                accepted += f.get().stream().filter(o -> o.status() == UsageOutcome.Status.ACCEPTED).count();
            }
            assertThat(accepted).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored()).isEqualTo(500);
    }

    @Test
    void eachBadEventIsRejectedWithItsReasonAndTheGoodOnesAreStored() {
        UUID foreign = subscribe(TenantId.of("f-" + UUID.randomUUID().toString().substring(0, 8)));
        List<UsageEvent> events = List.of(
                event("ok-1", "api_calls", "5", JAN_20),
                event("bad-meter", "bandwidth", "5", JAN_20),
                new UsageEvent("bad-sub", UUID.randomUUID(), "api_calls", BigDecimal.ONE, JAN_20, Map.of()),
                new UsageEvent("foreign-sub", foreign, "api_calls", BigDecimal.ONE, JAN_20, Map.of()),
                event("negative", "api_calls", "-1", JAN_20),
                event("correction", "backup_gb", "-2.5", JAN_20),
                event("future", "api_calls", "1", Instant.parse("2026-01-15T00:06:00Z")),
                event("skewed-ok", "api_calls", "1", Instant.parse("2026-01-15T00:04:00Z")),
                event("tiny", "api_calls", "0.0000000001", JAN_20),
                event("ok-1", "api_calls", "7", JAN_20),
                new UsageEvent(" ", subscription, "api_calls", BigDecimal.ONE, JAN_20, Map.of()));

        List<UsageOutcome> outcomes = ingestion.ingest(tenant, events);

        assertThat(outcomes).extracting(o -> o.transactionId() + ":" + o.status()).containsExactly(
                "ok-1:ACCEPTED", "bad-meter:REJECTED", "bad-sub:REJECTED", "foreign-sub:REJECTED",
                "negative:REJECTED", "correction:ACCEPTED", "future:REJECTED", "skewed-ok:ACCEPTED",
                "tiny:REJECTED", "ok-1:REJECTED", " :REJECTED");
        assertThat(outcomes.get(1).reason()).startsWith("unknown meter 'bandwidth'");
        assertThat(outcomes.get(3).reason()).startsWith("unknown subscription");
        assertThat(outcomes.get(4).reason()).contains("does not accept corrections");
        assertThat(outcomes.get(6).reason()).contains("is in the future");
        assertThat(outcomes.get(9).reason()).contains("more than once in this batch");
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        assertThatThrownBy(() -> ingestion.ingest(tenant, batch(UsageIngestion.MAX_BATCH + 1)))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("at most 10000 events");
        assertThat(stored()).isZero();
    }

    @Test
    void metersAggregateAsDefined() {
        ingestion.ingest(tenant, List.of(
                event("b1", "backup_gb", "10", JAN_20), event("b2", "backup_gb", "40", JAN_20.plusSeconds(60)),
                event("b3", "backup_gb", "25", JAN_20.plusSeconds(120)),
                event("d1", "devices", "12", JAN_20), event("d2", "devices", "9", JAN_20.plusSeconds(60))));
        assertThat(usage.usage(tenant, subscription, JAN_20, JAN_20.plusSeconds(3600)))
                .extracting(u -> u.meter() + "=" + u.quantity().toPlainString())
                .containsExactly("backup_gb=40", "devices=9");
    }

    @Test
    void anEventSentWithItsAccountCountsForTheAccountsOnlyActiveSubscription() {
        List<UsageOutcome> outcomes = ingestion.ingest(tenant, List.of(
                UsageEvent.forAccount("by-account", account.value(), "api_calls", new BigDecimal("3"), JAN_15, Map.of()),
                UsageEvent.forAccount("by-account", account.value(), "api_calls", new BigDecimal("3"), JAN_15, Map.of()),
                event("by-account", "api_calls", "3", JAN_15)));

        assertThat(outcomes).extracting(UsageOutcome::status).containsExactly(UsageOutcome.Status.ACCEPTED,
                UsageOutcome.Status.REJECTED, UsageOutcome.Status.REJECTED);
        assertThat(outcomes.getFirst().subscriptionId()).isEqualTo(subscription);
        assertThat(outcomes.get(1).reason()).contains("more than once in this batch");
        assertThat(outcomes.get(2).reason()).as("the same transaction named by subscription is the same event")
                .contains("more than once in this batch");
        assertThat(ingestion.ingest(tenant, List.of(event("by-account", "api_calls", "3", JAN_15))))
                .extracting(UsageOutcome::status).containsExactly(UsageOutcome.Status.DUPLICATE);
        assertThat(usage.usage(tenant, subscription, JAN_15, JAN_15.plusSeconds(60)))
                .singleElement().satisfies(u -> assertThat(u.quantity()).isEqualByComparingTo("3"));
    }

    @Test
    void anAccountWithSeveralOrNoActiveSubscriptionsOnTheEventsDateIsRejectedNamingThem() {
        UUID second = subscribe(tenant, account, null);
        AccountId later = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, later, "Later", null, "EUR", null, null, null, List.of(), null));
        UUID fromJan20 = subscribe(tenant, later, LocalDate.of(2026, 1, 20));
        AccountId idle = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, idle, "Idle", null, "EUR", null, null, null, List.of(), null));

        List<UsageOutcome> outcomes = ingestion.ingest(tenant, List.of(
                UsageEvent.forAccount("two", account.value(), "api_calls", BigDecimal.ONE, JAN_15, Map.of()),
                UsageEvent.forAccount("not-yet", later.value(), "api_calls", BigDecimal.ONE, JAN_15, Map.of()),
                UsageEvent.forAccount("idle", idle.value(), "api_calls", BigDecimal.ONE, JAN_15, Map.of()),
                UsageEvent.forAccount("stranger", UUID.randomUUID(), "api_calls", BigDecimal.ONE, JAN_15, Map.of()),
                new UsageEvent("mismatch", second, "api_calls", BigDecimal.ONE, JAN_15, Map.of(), idle.value()),
                new UsageEvent("both", second, "api_calls", BigDecimal.ONE, JAN_15, Map.of(), account.value()),
                new UsageEvent("nowhere", null, "api_calls", BigDecimal.ONE, JAN_15, Map.of(), null)));

        assertThat(outcomes).extracting(o -> o.transactionId() + ":" + o.status()).containsExactly(
                "two:REJECTED", "not-yet:REJECTED", "idle:REJECTED", "stranger:REJECTED", "mismatch:REJECTED",
                "both:ACCEPTED", "nowhere:REJECTED");
        assertThat(outcomes.getFirst().reason()).contains("account " + account.value()
                + " has 2 active subscriptions on 2026-01-15", subscription.toString(), second.toString(),
                "send subscriptionId");
        assertThat(outcomes.get(1).reason()).contains("has no active subscription on 2026-01-15",
                "Pro from 2026-01-20 (subscription " + fromJan20 + ")");
        assertThat(outcomes.get(2).reason()).isEqualTo("account " + idle.value() + " has no active subscription on 2026-01-15");
        assertThat(outcomes.get(3).reason()).startsWith("unknown account");
        assertThat(outcomes.get(4).reason()).isEqualTo("subscription " + second + " does not belong to account " + idle.value());
        assertThat(outcomes.get(5).subscriptionId()).isEqualTo(second);
        assertThat(outcomes.get(6).reason()).isEqualTo("subscriptionId or accountId is required");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void theEventsDateIsTheAccountsLocalDate() {
        AccountId tokyo = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, tokyo, "Tokyo KK", null, "EUR", "JP", "Asia/Tokyo",
                null, List.of(), null));
        UUID fromJan15 = subscribe(tenant, tokyo, LocalDate.of(2026, 1, 15));
        // 2026-01-14T16:00Z is already 15 January in Tokyo
        List<UsageOutcome> outcomes = ingestion.ingest(tenant, List.of(
                UsageEvent.forAccount("tokyo-morning", tokyo.value(), "api_calls", BigDecimal.ONE,
                        Instant.parse("2026-01-14T16:00:00Z"), Map.of()),
                UsageEvent.forAccount("tokyo-evening-before", tokyo.value(), "api_calls", BigDecimal.ONE,
                        Instant.parse("2026-01-14T14:00:00Z"), Map.of())));
        assertThat(outcomes.getFirst().subscriptionId()).isEqualTo(fromJan15);
        assertThat(outcomes.get(1).reason()).contains("no active subscription on 2026-01-14");
    }

    @Test
    void propertiesAreStoredAsJsonWithTheEvent() {
        ingestion.ingest(tenant, List.of(
                new UsageEvent("p1", subscription, "api_calls", BigDecimal.ONE, JAN_20,
                        Map.of("region", "eu-west", "user", "u-17")),
                event("p2", "api_calls", "1", JAN_20)));
        assertThat(jdbc.queryForList("""
                SELECT transaction_id || ':' || coalesce(properties ->> 'region', '-') || ':'
                       || coalesce(properties ->> 'user', '-') || ':' || coalesce(jsonb_typeof(properties), 'null')
                FROM usage_events WHERE tenant_id = ? ORDER BY transaction_id""", String.class, tenant.value()))
                .containsExactly("p1:eu-west:u-17:object", "p2:-:-:null");
    }

    @Test
    void aMixedBatchOfNewAndResentEventsStoresOnlyTheNewOnes() {
        List<UsageEvent> first = batch(50);
        ingestion.ingest(tenant, first);
        List<UsageEvent> mixed = new ArrayList<>(batch(100));
        java.util.Collections.reverse(mixed);

        List<UsageOutcome> outcomes = ingestion.ingest(tenant, mixed);

        for (int i = 0; i < outcomes.size(); i++) {
            int n = Integer.parseInt(outcomes.get(i).transactionId().substring(3));
            assertThat(outcomes.get(i).status()).as(outcomes.get(i).transactionId())
                    .isEqualTo(n < 50 ? UsageOutcome.Status.DUPLICATE : UsageOutcome.Status.ACCEPTED);
        }
        assertThat(outcomes).extracting(UsageOutcome::transactionId)
                .as("outcomes in the order sent").containsExactlyElementsOf(mixed.stream().map(UsageEvent::transactionId).toList());
        assertThat(stored()).isEqualTo(100);
    }
}
