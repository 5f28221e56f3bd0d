package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulePackLoaderTest {

    @Test
    void defaultPackHasProAtFortyNineEurosMonthlyInAdvance() {
        RulePack pack = RulePackLoader.defaultPack();
        assertThat(pack.plan("Pro", "EUR")).hasValueSatisfying(p -> {
            assertThat(p.price()).isEqualByComparingTo("49.00");
            assertThat(p.period()).isEqualTo(BillingPeriod.MONTHLY);
            assertThat(p.mode()).isEqualTo(BillingMode.IN_ADVANCE);
        });
        assertThat(pack.sources()).extracting(s -> s.category() + ":" + s.name())
                .containsExactly("PRICING:rules/pricing.drl", "OVERAGE:rules/overage.drl", "TAX:rules/tax.drl",
                        "SUSPENSION:rules/suspension.drl", "CHANGE:rules/pricing-changes.drl");
    }

    @Test
    void aBadTableRowIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=\n");
        Files.writeString(dir.resolve("plans.csv"), "plan,product,currency,price,billing_period,billing_mode\nPro,Hosting,EUR,forty-nine,MONTHLY,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                .isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("plans.csv line 2");
    }

    @Test
    void aDrlFileMustBeNamedAfterItsCategory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=prices.drl\n");
        Files.writeString(dir.resolve("plans.csv"), "plan,product,currency,price,billing_period,billing_mode\n");
        Files.writeString(dir.resolve("prices.drl"), "package x;");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                .isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("must start with a category");
    }

    @Test
    void usageTablesAreReadByTheirHeadersWithBlankCellsAsNone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=overage.drl\n"
                + "catalog.usage_charges=charges.csv\ncatalog.usage_tiers=tiers.csv\n");
        Files.writeString(dir.resolve("plans.csv"), "plan,product,currency,price,billing_period,billing_mode\nPro,Hosting,EUR,49.00,MONTHLY,IN_ADVANCE\n");
        Files.writeString(dir.resolve("overage.drl"), "package x;");
        Files.writeString(dir.resolve("charges.csv"), """
                charge,name,plan,meter,currency,model,package_size,unit_price,free_units
                api,API calls,Pro,api_calls,EUR,graduated,,,
                # a comment line
                backup,Backups,Pro,backup_gb,eur,package,10,100,10
                """);
        Files.writeString(dir.resolve("tiers.csv"), """
                charge,from,to,unit_price,flat_fee
                api,0,10,10,2
                api,11,,5,3
                """);

        RulePack pack = RulePackLoader.fromDirectory(dir, 1);

        assertThat(pack.usageCharges()).hasSize(2);
        assertThat(pack.usageCharges("Pro", "EUR")).extracting(UsageCharge::model)
                .containsExactly(ChargeModel.GRADUATED, ChargeModel.PACKAGE);
        UsageCharge backup = pack.usageCharges().get(1);
        assertThat(backup.packageSize()).isEqualByComparingTo("10");
        assertThat(backup.freeUnits()).isEqualByComparingTo("10");
        assertThat(backup.percentage()).isNull();
        assertThat(pack.usageTiers()).extracting(UsageTier::to).containsExactly(new BigDecimal("10"), null);
    }

    @Test
    void aBadUsageRowIsReportedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=overage.drl\n"
                + "catalog.usage_charges=charges.csv\n");
        Files.writeString(dir.resolve("plans.csv"), "plan,product,currency,price,billing_period,billing_mode\n");
        Files.writeString(dir.resolve("overage.drl"), "package x;");
        Files.writeString(dir.resolve("charges.csv"), "charge,plan,meter,currency,model\napi,Pro,api_calls,EUR,tiered\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                .isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("charges.csv line 2").hasMessageContaining("model must be one of");
    }

    @Test
    void aTieredChargeWithoutTiersIsRefusedWhenThePackIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=overage.drl\n"
                + "catalog.usage_charges=charges.csv\n");
        Files.writeString(dir.resolve("plans.csv"), "plan,product,currency,price,billing_period,billing_mode\n");
        Files.writeString(dir.resolve("overage.drl"), "package x;");
        Files.writeString(dir.resolve("charges.csv"), "charge,plan,meter,currency,model\napi,Pro,api_calls,EUR,volume\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                .isInstanceOf(RulePackFormatException.class).hasMessageContaining("needs tiers");
    }

    @Test
    void aPackWithoutUsageTablesHashesAsBeforeTheyExisted() {
        RulePack base = RulePackLoader.defaultPack();
        // the hash of exactly this content (one plan, one DRL file) as computed before usage tables existed (the
        // shipped default pack's own DRL has changed since, on purpose, so it cannot be the pinned content)
        RulePack withoutUsage = new RulePack("default", 1, List.of(new org.ratebook.rules.fact.CatalogPlan("Pro",
                "Hosting", "EUR", new BigDecimal("49.00"), org.ratebook.rules.fact.BillingPeriod.MONTHLY,
                org.ratebook.rules.fact.BillingMode.IN_ADVANCE)),
                List.of(new org.ratebook.rules.pack.DrlSource(RuleCategory.TAX, "rules/tax.drl", "package t;\n")));
        assertThat(withoutUsage.contentHash()).isEqualTo(HASH_BEFORE_USAGE_TABLES);

        RulePack withUsage = new RulePack("default", 1, withoutUsage.plans(), withoutUsage.sources(), base.dayCount(),
                base.rounding(), List.of(new UsageCharge("api", null, "Pro", "api_calls", "EUR", ChargeModel.PER_UNIT,
                new BigDecimal("0.01"), null, null, 0, null, null, null, null, null, null)), List.of());
        assertThat(withUsage.contentHash()).isNotEqualTo(HASH_BEFORE_USAGE_TABLES);
        RulePack dearer = new RulePack("default", 1, withoutUsage.plans(), withoutUsage.sources(), base.dayCount(),
                base.rounding(), List.of(new UsageCharge("api", null, "Pro", "api_calls", "EUR", ChargeModel.PER_UNIT,
                new BigDecimal("0.02"), null, null, 0, null, null, null, null, null, null)), List.of());
        assertThat(dearer.contentHash()).isNotEqualTo(withUsage.contentHash());
    }

    /** Computed by the code on main before this change (commit 7607d7a). */
    private static final String HASH_BEFORE_USAGE_TABLES =
            "14641e674475e09e01bcd08d00760bdfceb26cb1eb4ccb0b885f76511fe6e4fc";
}
