package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RulePackExport;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An exported pack is a folder the loader reads back to the same content: the round trip keeps the hash. */
class RulePackExportTest {

    @Test
    void theDefaultPackComesBackWithTheSameContentHash(@TempDir Path dir) throws IOException {
        roundTrip(RulePackLoader.defaultPack(), dir);
    }

    @Test
    void aFileWhoseNameDoesNotSayItsCategoryIsExportedInTheManifest(@TempDir Path dir) throws IOException {
        String properties = RulePackExport.files(RulePackLoader.defaultPack()).get("pack.properties");
        assertThat(properties).contains("\nrules=rules/pricing.drl,rules/overage.drl,rules/tax.drl,"
                + "rules/suspension.drl\n").contains("\nrules.change=rules/pricing-changes.drl\n");
        roundTrip(RulePackLoader.defaultPack(), dir);
        assertThat(RulePackLoader.fromDirectory(dir, 1).sources(org.ratebook.rules.pack.RuleCategory.CHANGE))
                .extracting(org.ratebook.rules.pack.DrlSource::name).containsExactly("rules/pricing-changes.drl");
    }

    @Test
    void thePackWithTaxAndDiscountTablesAndSettingsComesBackTheSame(@TempDir Path dir) throws IOException {
        roundTrip(StandardPack.shipped(), dir);
    }

    @Test
    void theExampleTenantsPacksComeBackTheSame(@TempDir Path dir) throws IOException {
        for (String tenant : new String[] {"hosting", "msp", "saas"}) {
            roundTrip(RulePackLoader.fromDirectory(Path.of("../tenants/packs", tenant), 3), dir.resolve(tenant));
        }
    }

    @Test
    void aPackWithADunningThresholdsTableComesBackTheSame(@TempDir Path dir) throws IOException {
        RulePack pack = DunningThresholdsTest.withThresholds(DunningThresholdsTest.THRESHOLDS);
        assertThat(RulePackExport.files(pack)).containsEntry("dunning/thresholds.csv",
                pack.tables().texts().get(PackTables.DUNNING_THRESHOLDS));
        roundTrip(pack, dir);
        RulePack back = RulePackLoader.fromDirectory(dir, pack.version());
        assertThat(back.tables().dunningThresholds()).isEqualTo(pack.tables().dunningThresholds());
    }

    @Test
    void theMspExamplePacksDunningThresholdsAreExported(@TempDir Path dir) throws IOException {
        RulePack msp = RulePackLoader.fromDirectory(Path.of("../tenants/packs/msp"), 1);
        assertThat(msp.tables().dunningThresholds()).isNotEmpty();
        assertThat(RulePackExport.files(msp)).containsKey("dunning/thresholds.csv");
        roundTrip(msp, dir);
    }

    @Test
    void aPackWithUsageChargesAndPhasesComesBackTheSame(@TempDir Path dir) throws IOException {
        RulePack base = RulePackLoader.defaultPack();
        RulePack usage = new RulePack("usage", 4, java.util.List.of(
                new org.ratebook.rules.fact.CatalogPlan("Cloud", "Hosting", "EUR", new java.math.BigDecimal("0.00"),
                        org.ratebook.rules.fact.BillingPeriod.ONCE, org.ratebook.rules.fact.BillingMode.IN_ADVANCE,
                        "trial", "14 DAYS"),
                new org.ratebook.rules.fact.CatalogPlan("Cloud", "Hosting", "EUR", new java.math.BigDecimal("20.00"),
                        org.ratebook.rules.fact.BillingPeriod.MONTHLY, org.ratebook.rules.fact.BillingMode.IN_ARREAR)),
                base.sources(), base.dayCount(), base.rounding(),
                RulePackLoader.parseUsageCharges("""
                        charge,name,plan,meter,currency,model,unit_price,free_units
                        api,API calls,Cloud,api_calls,EUR,graduated,,100
                        """, "test"),
                RulePackLoader.parseUsageTiers("""
                        charge,from,to,unit_price,flat_fee
                        api,0,10,10,2
                        api,11,,5,3
                        """, "test"));
        roundTrip(usage, dir);
    }

    private static void roundTrip(RulePack pack, Path dir) throws IOException {
        Map<String, String> files = unzip(RulePackExport.zip(pack));
        assertThat(files).isEqualTo(RulePackExport.files(pack)).containsKey("pack.properties");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        RulePack back = RulePackLoader.fromDirectory(dir, pack.version());
        assertThat(back.contentHash()).as("content hash of %s after export and import", pack.name())
                .isEqualTo(pack.contentHash());
        assertThat(back.name()).isEqualTo(pack.name());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
