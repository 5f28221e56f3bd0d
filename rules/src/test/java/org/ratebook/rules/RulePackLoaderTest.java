package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    void aBadCellIsReportedWithItsFileLineAndColumn(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("catalog"));
        Files.createDirectories(dir.resolve("tax"));
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=catalog/plans.csv\n"
                + "tax.rates=tax/rates.csv\nrules=rules/tax.drl\n");
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/tax.drl"), "package t;\n");
        String header = "plan,product,currency,price,billing_period,billing_mode\n";
        String good = "Pro,Hosting,EUR,49.00,MONTHLY,IN_ADVANCE\n";
        Files.writeString(dir.resolve("tax/rates.csv"), "country,region,zone,rate,label,valid_from,valid_to\n"
                + "DE,,EU,19,VAT 19%,2026-01-01,\n");
        Map<String, String> expected = Map.of(
                "Pro,Hosting,EUR,forty-nine,MONTHLY,IN_ADVANCE\n",
                "catalog/plans.csv line 3, column price: 'forty-nine' is not a decimal number",
                "Pro,Hosting,EURO,49.00,MONTHLY,IN_ADVANCE\n",
                "catalog/plans.csv line 3, column currency: 'EURO' is not an ISO 4217 currency code such as EUR or USD",
                "Pro,Hosting,EUR,49.00,FORTNIGHTLY,IN_ADVANCE\n",
                "catalog/plans.csv line 3, column billing_period: ",
                "Pro,Hosting,EUR,49.00,MONTHLY,UP_FRONT\n",
                "catalog/plans.csv line 3, column billing_mode: must be IN_ADVANCE or IN_ARREAR, not 'UP_FRONT'",
                "Pro,,EUR,49.00,MONTHLY,IN_ADVANCE\n",
                "catalog/plans.csv line 3, column product: must not be blank");
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            Files.writeString(dir.resolve("catalog/plans.csv"), header + good + bad.getKey());
            assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                    .as(bad.getKey()).isInstanceOf(RulePackFormatException.class)
                    .hasMessageContaining(bad.getValue());
        }
        Files.writeString(dir.resolve("catalog/plans.csv"), header + good);
        Files.writeString(dir.resolve("tax/rates.csv"), "country,region,zone,rate,label,valid_from,valid_to\n"
                + "DE,,EU,19,VAT 19%,2026-01-01,\nFR,,EU,20,VAT 20%,1 January 2026,\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageEndingWith("tax/rates.csv line 3, column valid_from: dates are written 2026-12-31, not "
                        + "'1 January 2026'");
    }

    @Test
    void aPackExtendsABasePackAndOverridesItsTablesAndRules(@TempDir Path dir) throws IOException {
        RulePack standard = RulePackLoader.fromClasspath("org/ratebook/rules/packs/standard", 1);
        Files.createDirectories(dir.resolve("catalog"));
        Files.createDirectories(dir.resolve("discount"));
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("catalog/plans.csv"), "plan,product,currency,price,billing_period,billing_mode\n"
                + "Pro,Hosting,EUR,59.00,MONTHLY,IN_ADVANCE\n");
        Files.writeString(dir.resolve("discount/coupons.csv"), "code,kind,value,currency,duration,plans,expires_on\n"
                + "MINE,PERCENT,5,,once,,\n");
        Files.writeString(dir.resolve("rules/change-policy.drl"), "package mine;\n");
        Files.writeString(dir.resolve("pack.properties"), "name=mine\nextends=standard\ncatalog.plans=catalog/plans.csv\n"
                + "discount.promotions=\nrules.change=rules/change-policy.drl\n");
        RulePack mine = RulePackLoader.fromDirectory(dir, 1);
        // the base's rules and the pack's own, each under its category
        assertThat(mine.sources()).extracting(s -> s.category() + ":" + s.name()).containsExactly(
                "PRICING:rules/pricing.drl", "DISCOUNT:rules/discount.drl", "TAX:rules/tax.drl",
                "CHANGE:rules/change-policy.drl");
        assertThat(mine.sources(RuleCategory.TAX)).isEqualTo(standard.sources(RuleCategory.TAX));
        // the pack's own catalog and coupons; the base's tax rates, volume and bundle tables; no promotions
        assertThat(mine.plan("Pro", "EUR").orElseThrow().price()).isEqualByComparingTo("59.00");
        assertThat(mine.tables().coupons()).extracting(c -> c.code()).containsExactly("MINE");
        assertThat(mine.tables().taxRates()).isEqualTo(standard.tables().taxRates()).isNotEmpty();
        assertThat(mine.tables().bundleDiscounts()).isEqualTo(standard.tables().bundleDiscounts()).isNotEmpty();
        assertThat(standard.tables().texts()).containsKey(PackTables.PROMOTIONS);
        assertThat(mine.tables().texts()).doesNotContainKey(PackTables.PROMOTIONS);
        assertThat(mine.taxSettings()).isEqualTo(standard.taxSettings());

        // a DRL file at the base's path replaces the base's
        Files.writeString(dir.resolve("rules/tax.drl"), "package mine.tax;\n");
        assertThat(RulePackLoader.fromDirectory(dir, 1).sources(RuleCategory.TAX)).extracting(s -> s.text())
                .containsExactly("package mine.tax;\n");

        Files.writeString(dir.resolve("pack.properties"), "name=mine\nextends=premium\ncatalog.plans=catalog/plans.csv\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageEndingWith("pack.properties: extends=premium: there is no built-in pack 'premium' "
                        + "(there are: default, standard)");
    }

    @Test
    void theExampleTenantPacksExtendTheStandardPackInsteadOfCopyingItsRules() {
        RulePack standard = RulePackLoader.fromClasspath("org/ratebook/rules/packs/standard", 1);
        for (String tenant : List.of("hosting", "msp", "saas")) {
            Path folder = Path.of("../tenants/packs", tenant);
            assertThat(folder.resolve("rules/tax.drl")).doesNotExist();
            assertThat(folder.resolve("rules/discount.drl")).doesNotExist();
            assertThat(folder.resolve("rules/pricing.drl")).doesNotExist();
            RulePack pack = RulePackLoader.fromDirectory(folder, 1);
            assertThat(pack.sources(RuleCategory.TAX)).isEqualTo(standard.sources(RuleCategory.TAX));
            assertThat(pack.sources(RuleCategory.DISCOUNT)).isEqualTo(standard.sources(RuleCategory.DISCOUNT));
        }
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
                .hasMessageContaining("charges.csv line 2, column model: must be one of");
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
