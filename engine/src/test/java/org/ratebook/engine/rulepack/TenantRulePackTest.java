package org.ratebook.engine.rulepack;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.ImportRulePackCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackApprovedEvent;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackDraftSavedEvent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.RulePackPublishedEvent;
import org.ratebook.engine.rulepack.api.RecordRulePackTestCommand;
import org.ratebook.engine.rulepack.api.RulePackTestedEvent;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.engine.rulepack.domain.InvalidRulePackException;
import org.ratebook.engine.rulepack.domain.TenantRulePack;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

class TenantRulePackTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final RulePackId PACK = new RulePackId(TENANT);
    private static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
    private final RulePack shipped = RulePackLoader.defaultPack();
    private final RulePackContent content = RulePackContent.of(shipped);
    private AggregateTestFixture<TenantRulePack> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantRulePack.class);
        fixture.registerInjectableResource(new RulePackCompiler(Clock.systemUTC()));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((TenantClocks) tenant -> clock);
    }

    private RulePackDraftSavedEvent saved(int version, String author) {
        return new RulePackDraftSavedEvent(TENANT, version, shipped.contentHash(), content, author, NOW);
    }

    @Test
    void aDraftThatCompilesBecomesTheNextVersion() {
        fixture.given(saved(1, "alice"))
                .when(new SaveRulePackDraftCommand(PACK, content, "alice"))
                .expectEvents(saved(2, "alice"))
                .expectResultMessagePayload(2);
    }

    @Test
    void aDraftThatDoesNotCompileIsRefusedWithFileAndLine() {
        List<DrlSource> sources = new ArrayList<>(shipped.sources(RuleCategory.PRICING));
        sources.add(new DrlSource(RuleCategory.TAX, "rules/tax.drl", "package t;\nrule \"Broken\"\nwhen\n  NoSuchFact()\nthen\nend\n"));
        fixture.givenNoPriorActivity()
                .when(new SaveRulePackDraftCommand(PACK, new RulePackContent("broken", shipped.plans(), sources), "alice"))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("rules/tax.drl line 4"))
                .expectNoEvents();
    }

    @Test
    void aCalendarAlignedDraftWithAPeriodOfTwoWeeksIsRefusedSayingWhy() {
        List<org.ratebook.rules.fact.CatalogPlan> plans = new ArrayList<>(shipped.plans());
        plans.add(new org.ratebook.rules.fact.CatalogPlan("Sprint", "Support", "EUR", java.math.BigDecimal.TEN,
                org.ratebook.rules.fact.BillingPeriod.WEEKLY, org.ratebook.rules.fact.BillingMode.IN_ADVANCE, null,
                null, 2));
        RulePackContent calendar = new RulePackContent("calendar", plans, shipped.sources(), null, null, null, null,
                List.of(), List.of(), org.ratebook.rules.time.BillingAlignment.CALENDAR);
        fixture.givenNoPriorActivity()
                .when(new SaveRulePackDraftCommand(PACK, calendar, "alice"))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                        "billing_alignment=CALENDAR cannot bill plan Sprint (evergreen, 2 WEEKS)"))
                .expectNoEvents();
    }

    @Test
    void theAuthorCannotApproveTheirOwnDraft() {
        fixture.given(saved(1, "alice"))
                .when(new ApproveRulePackCommand(PACK, 1, "alice"))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage("version 1 was written by alice; a second person must approve it")
                .expectNoEvents();
    }

    @Test
    void aSecondPersonApproves() {
        fixture.given(saved(1, "alice"))
                .when(new ApproveRulePackCommand(PACK, 1, "bob"))
                .expectEvents(new RulePackApprovedEvent(TENANT, 1, "bob", NOW));
    }

    @Test
    void aDraftsTestIsKeptWithItsOutcome() {
        fixture.given(saved(1, "alice"))
                .when(new RecordRulePackTestCommand(PACK, 1, "bob", "account 42 on 2026-01-15 (1 subscription)",
                        "EUR 59.00", "EUR 49.00", null))
                .expectEvents(new RulePackTestedEvent(TENANT, 1, "bob", NOW,
                        "account 42 on 2026-01-15 (1 subscription)", "EUR 59.00", "EUR 49.00", null));
    }

    @Test
    void aPublishedVersionTakesNoMoreTests() {
        fixture.given(saved(1, "alice"), new RulePackApprovedEvent(TENANT, 1, "bob", NOW),
                        new RulePackPublishedEvent(TENANT, 1, shipped.contentHash(), LocalDate.of(2026, 2, 1), "bob", NOW))
                .when(new RecordRulePackTestCommand(PACK, 1, "carol", "a sample", "EUR 1.00", null, null))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage("version 1 is already published; tests are kept for versions before they "
                        + "are published")
                .expectNoEvents();
    }

    @Test
    void anUnapprovedDraftCannotBePublished() {
        fixture.given(saved(1, "alice"))
                .when(new PublishRulePackCommand(PACK, 1, LocalDate.of(2026, 2, 1), "bob"))
                .expectException(InvalidRulePackException.class)
                .expectNoEvents();
    }

    @Test
    void anApprovedVersionIsPublishedFromADateNotBeforeToday() {
        fixture.given(saved(1, "alice"), new RulePackApprovedEvent(TENANT, 1, "bob", NOW))
                .when(new PublishRulePackCommand(PACK, 1, LocalDate.of(2026, 2, 1), "bob"))
                .expectEvents(new RulePackPublishedEvent(TENANT, 1, shipped.contentHash(), LocalDate.of(2026, 2, 1),
                        "bob", NOW));
    }

    @Test
    void publishingRetroactivelyIsRefused() {
        fixture.given(saved(1, "alice"), new RulePackApprovedEvent(TENANT, 1, "bob", NOW))
                .when(new PublishRulePackCommand(PACK, 1, LocalDate.of(2026, 1, 14), "bob"))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("effectiveFrom must be today (2026-01-15)"))
                .expectNoEvents();
    }

    @Test
    void anUnknownVersionIsRefused() {
        fixture.given(saved(1, "alice"))
                .when(new ApproveRulePackCommand(PACK, 7, "bob"))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage("rule pack of acme has no version 7")
                .expectNoEvents();
    }

    @Test
    void theOperatorImportsAPackSavedApprovedAndPublishedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new ImportRulePackCommand(PACK, content, LocalDate.of(2000, 1, 1), "operator"))
                .expectEvents(saved(1, "operator"), new RulePackApprovedEvent(TENANT, 1, "operator", NOW),
                        new RulePackPublishedEvent(TENANT, 1, shipped.contentHash(), LocalDate.of(2000, 1, 1),
                                "operator", NOW));
    }

    @Test
    void aRollbackMakesAnEarlierPublishedVersionsContentTheNextDraftForASecondPersonToApprove() {
        RulePackContent cheaper = new RulePackContent("default", shipped.plans().stream()
                .map(p -> new org.ratebook.rules.fact.CatalogPlan(p.code(), p.product(), p.currency(),
                        p.price().subtract(java.math.BigDecimal.ONE), p.period(), p.mode())).toList(),
                shipped.sources());
        String cheaperHash = cheaper.asVersion(2).contentHash();
        org.ratebook.engine.rulepack.api.RulePackPublishedEvent published = new RulePackPublishedEvent(TENANT, 1,
                shipped.contentHash(), LocalDate.of(2026, 1, 1), "bob", NOW);
        fixture.given(saved(1, "alice"), new RulePackApprovedEvent(TENANT, 1, "bob", NOW), published,
                        new RulePackDraftSavedEvent(TENANT, 2, cheaperHash, cheaper, "alice", NOW))
                .when(new org.ratebook.engine.rulepack.api.RollBackRulePackCommand(PACK, 1, content, "alice"))
                .expectEvents(saved(3, "alice"), new org.ratebook.engine.rulepack.api.RulePackRolledBackEvent(TENANT,
                        3, 1, shipped.contentHash(), "alice", NOW))
                .expectResultMessagePayload(3);
        // only to a version that was published, and only with that version's content
        fixture.given(saved(1, "alice"), new RulePackApprovedEvent(TENANT, 1, "bob", NOW), published,
                        new RulePackDraftSavedEvent(TENANT, 2, cheaperHash, cheaper, "alice", NOW))
                .when(new org.ratebook.engine.rulepack.api.RollBackRulePackCommand(PACK, 2, cheaper, "alice"))
                .expectException(InvalidRulePackException.class)
                .expectExceptionMessage("version 2 was never published; only a published version can be rolled back to")
                .expectNoEvents();
        fixture.given(saved(1, "alice"), new RulePackApprovedEvent(TENANT, 1, "bob", NOW), published)
                .when(new org.ratebook.engine.rulepack.api.RollBackRulePackCommand(PACK, 1, cheaper, "alice"))
                .expectException(InvalidRulePackException.class)
                .expectNoEvents();
    }
}
