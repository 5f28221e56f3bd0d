package org.ratebook.engine.rulepack;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing a new version on a running engine: later periods use it, earlier ones keep theirs. */
@SpringBootTest(classes = EngineTestApplication.class)
class RulePackPublishingIntegrationTest {

    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports imports;
    @Autowired RulePackVersionsProjection versions;
    @Autowired BillingRun billingRun;
    @Autowired InvoiceQueries invoices;

    @Test
    void aPriceChangePublishedFromFebruaryPricesFebruaryOnWhileJanuaryKeepsItsVersion() {
        TenantId tenant = TenantId.of("publishing-hosting");
        tenants.create(new Tenant(tenant, "Publishing Hosting", List.of(), null));
        imports.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, "ACME", null, "EUR", "DE", "UTC", null,
                List.of(), null));
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(), account, "Pro", 1,
                LocalDate.of(2026, 1, 15)));

        RulePack shipped = RulePackLoader.defaultPack();
        List<CatalogPlan> dearer = shipped.plans().stream()
                .map(p -> p.code().equals("Pro") ? new CatalogPlan(p.code(), p.product(), p.currency(),
                        new BigDecimal("59.00"), p.period(), p.mode()) : p).toList();
        RulePackId pack = new RulePackId(tenant);
        int version = commands.sendAndWait(new SaveRulePackDraftCommand(pack,
                new RulePackContent("default with dearer Pro", dearer, shipped.sources()), "alice"));
        commands.sendAndWait(new ApproveRulePackCommand(pack, version, "bob"));
        commands.sendAndWait(new PublishRulePackCommand(pack, version, LocalDate.of(2026, 2, 15), "bob"));

        assertThat(versions.versions(tenant)).extracting(RulePackVersionView::version, RulePackVersionView::status,
                RulePackVersionView::author, RulePackVersionView::approvedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "PUBLISHED", "alice", "bob"),
                        org.assertj.core.groups.Tuple.tuple(1, "PUBLISHED", "operator", "operator"));
        assertThat(versions.inEffect(tenant, LocalDate.of(2026, 2, 14)).version()).isEqualTo(1);
        assertThat(versions.inEffect(tenant, LocalDate.of(2026, 2, 15)).version()).isEqualTo(2);

        BillingRunResult run = billingRun.run(tenant, LocalDate.of(2026, 3, 15));
        assertThat(run.issued()).hasSize(3);
        assertThat(invoices.awaitVisible(tenant, run.issued(), Duration.ofSeconds(10))).isTrue();
        List<InvoiceView> issued = invoices.latest(tenant, 10).stream()
                .sorted(Comparator.comparing(InvoiceView::invoiceDate)).toList();
        assertThat(issued).extracting(i -> i.invoiceDate() + " " + i.total() + " v" + i.packVersion())
                .containsExactly("2026-01-15 49.00 v1", "2026-02-15 59.00 v2", "2026-03-15 59.00 v2");
        assertThat(issued.get(1).packHash()).isNotEqualTo(issued.get(0).packHash());
    }
}
