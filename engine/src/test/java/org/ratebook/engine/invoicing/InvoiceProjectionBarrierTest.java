package org.ratebook.engine.invoicing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The barrier reads every segment's position from the token store, so segments processed on another node (or
 * on none) hold a billing run back until they have covered the invoice events of their share.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class InvoiceProjectionBarrierTest {

    @Autowired InvoiceProjectionBarrier barrier;
    @Autowired EventProcessingConfiguration processing;
    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired InvoiceQueries invoices;
    @Autowired JdbcTemplate jdbc;

    private InvoiceId issue(TenantId tenant, LocalDate day) {
        AccountId account = AccountId.random();
        InvoiceId id = InvoiceId.of(tenant, account, day);
        InvoiceLine line = new InvoiceLine(1, SubscriptionId.random(), "RECURRING", "Hosting Pro", day,
                day.plusMonths(1), BigDecimal.ONE, new BigDecimal("49.00"), new BigDecimal("49.00"), BigDecimal.ZERO,
                new BigDecimal("0.00"), "No tax", List.of("Recurring plan price from the catalog"), "Pro", "evergreen",
                day, day.plusMonths(1));
        commands.sendAndWait(new IssueInvoiceCommand(tenant, id, account, day, day.plusDays(14), "EUR", List.of(line),
                new PackRef("default", 1, "a".repeat(64)), List.of(), new Party("Seller", List.of(), null),
                new Party("Buyer", List.of(), null)));
        return id;
    }

    @Test
    void segmentsThatNoNodeHereProcessesHoldTheRunBackUntilTheyHaveCaughtUp() {
        TenantId tenant = TenantId.of("barrier-hosting");
        tenants.create(new Tenant(tenant, "Barrier Hosting", List.of(), null));
        InvoiceId first = issue(tenant, LocalDate.of(2026, 1, 1));
        barrier.awaitCaughtUp(Duration.ofSeconds(10));
        assertThat(invoices.exists(tenant, first.value())).as("visible once the barrier let the run pass").isTrue();

        StreamingEventProcessor processor = processing
                .eventProcessor(AxonConfiguration.INVOICES, StreamingEventProcessor.class).orElseThrow();
        // this node stops processing invoices: its segments stay in the token store, as another node's would
        processor.shutDown();
        try {
            InvoiceId second = issue(tenant, LocalDate.of(2026, 2, 1));
            assertThatThrownBy(() -> barrier.awaitCaughtUp(Duration.ofMillis(300)))
                    .hasMessageContaining("has not caught up");
            assertThat(invoices.exists(tenant, second.value())).isFalse();
        } finally {
            processor.start();
        }
        barrier.awaitCaughtUp(Duration.ofSeconds(10));
        assertThat(invoices.latest(tenant, 10)).hasSize(2);
    }

    /**
     * What the barrier costs a billing run (figures in docs/benchmarks.md; printed, not asserted): a call when the
     * read model is caught up, and the wait right after 40 invoices were issued back to back.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench", matches = "barrier")
    void measureTheBarrier() {
        TenantId tenant = TenantId.of("barrier-bench");
        tenants.create(new Tenant(tenant, "Barrier Bench", List.of(), null));
        for (int i = 1; i <= 5; i++) {
            issue(tenant, LocalDate.of(2025, 1, i));
        }
        barrier.awaitCaughtUp(Duration.ofSeconds(10));
        long[] idle = new long[200];
        for (int i = 0; i < idle.length; i++) {
            long start = System.nanoTime();
            barrier.awaitCaughtUp(Duration.ofSeconds(10));
            idle[i] = System.nanoTime() - start;
        }
        long[] afterBurst = new long[10];
        for (int round = 0; round < afterBurst.length; round++) {
            for (int i = 1; i <= 40; i++) {
                issue(tenant, LocalDate.of(2026, 1, 1).plusDays(round * 40L + i));
            }
            long start = System.nanoTime();
            barrier.awaitCaughtUp(Duration.ofSeconds(30));
            afterBurst[round] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(idle);
        java.util.Arrays.sort(afterBurst);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        System.out.printf("BARRIER caught up: median %.2f ms, p95 %.2f ms, max %.2f ms (200 calls, %d events stored)%n",
                idle[100] / 1e6, idle[190] / 1e6, idle[199] / 1e6, events);
        System.out.printf("BARRIER after 40 invoices: median %.1f ms, min %.1f ms, max %.1f ms (10 rounds)%n",
                afterBurst[5] / 1e6, afterBurst[0] / 1e6, afterBurst[9] / 1e6);
    }

    /** Two segments on two nodes: only the events of the segment behind are uncovered. */
    @Test
    void onlyTheInvoiceEventsOfASegmentBehindAreUncovered() {
        TenantId tenant = TenantId.of("barrier-split");
        tenants.create(new Tenant(tenant, "Barrier Split", List.of(), null));
        Segment even = Segment.computeSegment(0, 0, 1);
        long before = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM domain_event_entry", Long.class);
        // issue until one invoice falls into the odd segment (each does with probability one half)
        boolean odd = false;
        for (int day = 1; day <= 28 && !odd; day++) {
            odd = !even.matches(Objects.hashCode(issue(tenant, LocalDate.of(2026, 1, day)).toString()));
        }
        assertThat(odd).as("an invoice in the odd segment").isTrue();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        var segments = List.of(
                new InvoiceProjectionBarrier.StoredSegment(0, GapAwareTrackingToken.newInstance(head, List.of())),
                new InvoiceProjectionBarrier.StoredSegment(1, GapAwareTrackingToken.newInstance(before, List.of())));
        var uncovered = barrier.uncovered(segments, Map.of(), head);
        assertThat(uncovered).isNotEmpty().allSatisfy(e -> {
            assertThat(even.matches(Objects.hashCode(e.aggregateIdentifier()))).as("in the segment behind").isFalse();
            assertThat(e.globalIndex()).isGreaterThan(before);
        });
        var caughtUp = List.of(
                new InvoiceProjectionBarrier.StoredSegment(0, GapAwareTrackingToken.newInstance(head, List.of())),
                new InvoiceProjectionBarrier.StoredSegment(1, GapAwareTrackingToken.newInstance(head, List.of())));
        assertThat(barrier.uncovered(caughtUp, Map.of(), head)).isEmpty();
    }
}
