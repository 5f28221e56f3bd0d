package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackExport;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.pack.TaxSettings;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.DayCount;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods of N units and the billing alignment as a price table and pack.properties write them. */
class BillingPeriodsInPacksTest {

    /** The hash of one plan and one DRL file before counts and alignments existed (see RulePackLoaderTest). */
    private static final String HASH_BEFORE = "14641e674475e09e01bcd08d00760bdfceb26cb1eb4ccb0b885f76511fe6e4fc";
    private static final List<DrlSource> TAX = List.of(new DrlSource(RuleCategory.TAX, "rules/tax.drl", "package t;\n"));

    private static CatalogPlan pro(int every) {
        return new CatalogPlan("Pro", "Hosting", "EUR", new BigDecimal("49.00"), BillingPeriod.MONTHLY,
                BillingMode.IN_ADVANCE, null, null, every);
    }

    private static RulePack pack(List<CatalogPlan> plans, BillingAlignment alignment) {
        return new RulePack("default", 1, plans, TAX, DayCount.ACTUAL, RoundingMode.HALF_UP, PackTables.NONE,
                TaxSettings.DEFAULT, List.of(), List.of(), alignment);
    }

    @Test
    void aCountOfOneAndTheDefaultAlignmentHashAsBefore() {
        assertThat(pack(List.of(pro(1)), BillingAlignment.ACCOUNT).contentHash()).isEqualTo(HASH_BEFORE);
        assertThat(pack(List.of(pro(1)), null).contentHash()).isEqualTo(HASH_BEFORE);
        // a row stored before counts existed reads back with 0, which is 1
        assertThat(pack(List.of(pro(0)), null).contentHash()).isEqualTo(HASH_BEFORE);
    }

    @Test
    void aCountOrAnAlignmentChangesTheHash() {
        String everyTwo = pack(List.of(pro(2)), null).contentHash();
        String calendar = pack(List.of(pro(1)), BillingAlignment.CALENDAR).contentHash();
        String subscription = pack(List.of(pro(1)), BillingAlignment.SUBSCRIPTION).contentHash();
        assertThat(List.of(everyTwo, calendar, subscription)).doesNotHaveDuplicates().doesNotContain(HASH_BEFORE);
    }

    @Test
    void periodsAreReadAsNamesOrCountsAndUnits() {
        assertThat(Cadence.parse("monthly")).isEqualTo(Cadence.of(BillingPeriod.MONTHLY));
        assertThat(Cadence.parse("1 MONTH")).isEqualTo(Cadence.of(BillingPeriod.MONTHLY));
        assertThat(Cadence.parse("every 6 months")).isEqualTo(new Cadence(BillingPeriod.MONTHLY, 6));
        assertThat(Cadence.parse("2 WEEKS")).isEqualTo(new Cadence(BillingPeriod.WEEKLY, 2));
        assertThat(Cadence.parse("3 days")).isEqualTo(new Cadence(BillingPeriod.DAILY, 3));
        assertThat(Cadence.parse("2 years")).isEqualTo(new Cadence(BillingPeriod.ANNUAL, 2));
        assertThat(Cadence.parse("2 quarters").months()).isEqualTo(6);
        assertThat(Cadence.parse("4 hours")).isEqualTo(new Cadence(BillingPeriod.HOURLY, 4));
        assertThat(new Cadence(BillingPeriod.MONTHLY, 6).label()).isEqualTo("6 MONTHS");
        assertThat(new Cadence(BillingPeriod.MONTHLY, 6).describe()).isEqualTo("every 6 months");
        assertThat(Cadence.of(BillingPeriod.ANNUAL).label()).isEqualTo("ANNUAL");
    }

    @Test
    void badPeriodsSayWhatIsWrong() {
        assertThatThrownBy(() -> Cadence.parse("2 fortnights")).hasMessageContaining("unknown unit 'fortnights'");
        assertThatThrownBy(() -> Cadence.parse("0 months")).hasMessageContaining("not 0");
        assertThatThrownBy(() -> Cadence.parse("-1 months")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> Cadence.parse("biweekly")).hasMessageContaining("is not a period");
        assertThatThrownBy(() -> new CatalogPlan("Pro", "Hosting", "EUR", BigDecimal.ONE, BillingPeriod.MONTHLY,
                BillingMode.IN_ADVANCE, null, null, -2)).hasMessageContaining("not -2");
    }

    @Test
    void aPlanBilledEverySixMonthsCostsASixthPerMonthWhenPlansAreCompared() {
        assertThat(new Cadence(BillingPeriod.MONTHLY, 6).perMonth(new BigDecimal("180.00")))
                .isEqualByComparingTo("30.00");
        // USD 14.00 a fortnight is USD 1.00 a day, 30.00 for a 30-day month
        assertThat(new Cadence(BillingPeriod.WEEKLY, 2).perMonth(new BigDecimal("14.00")))
                .isEqualByComparingTo("30.00");
    }

    @Test
    void aTableWithCountsAndACalendarAlignmentIsRead(@TempDir Path dir) throws IOException {
        write(dir, "billing_alignment=calendar\n", "Half,Hosting,EUR,180.00,6 MONTHS,IN_ADVANCE\n"
                + "Two,Hosting,EUR,700.00,every 2 years,IN_ADVANCE\n");
        RulePack pack = RulePackLoader.fromDirectory(dir, 1);
        assertThat(pack.alignment()).isEqualTo(BillingAlignment.CALENDAR);
        assertThat(pack.plan("Half", "EUR").orElseThrow().cadence()).isEqualTo(new Cadence(BillingPeriod.MONTHLY, 6));
        assertThat(pack.plan("Two", "EUR").orElseThrow().cadence()).isEqualTo(new Cadence(BillingPeriod.ANNUAL, 2));
    }

    @Test
    void anUnknownUnitOrACountOfZeroIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        write(dir, "", "Pro,Hosting,EUR,49.00,2 FORTNIGHTS,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("plans.csv line 2").hasMessageContaining("unknown unit 'fortnights'");
        write(dir, "", "Pro,Hosting,EUR,49.00,0 MONTHS,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("plans.csv line 2").hasMessageContaining("1 or more months, not 0");
    }

    @Test
    void anUnknownAlignmentIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "billing_alignment=FISCAL\n", "Pro,Hosting,EUR,49.00,MONTHLY,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("billing_alignment must be ACCOUNT, SUBSCRIPTION or CALENDAR, not 'FISCAL'");
    }

    @Test
    void calendarAlignmentRefusesPeriodsTheCalendarDoesNotHave(@TempDir Path dir) throws IOException {
        write(dir, "billing_alignment=CALENDAR\n", "Sprint,Support,EUR,14.00,2 WEEKS,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("cannot bill plan Sprint (evergreen, 2 WEEKS)")
                .hasMessageContaining("no calendar to align to");
        write(dir, "billing_alignment=CALENDAR\n", "Odd,Support,EUR,14.00,5 MONTHS,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("5 months does not divide the calendar year");
        write(dir, "billing_alignment=SUBSCRIPTION\n", "Sprint,Support,EUR,14.00,2 WEEKS,IN_ADVANCE\n");
        assertThat(RulePackLoader.fromDirectory(dir, 1).alignment()).isEqualTo(BillingAlignment.SUBSCRIPTION);
    }

    @Test
    void anExportedPackKeepsItsCountsAndAlignment(@TempDir Path dir) throws IOException {
        RulePack pack = pack(List.of(pro(6), new CatalogPlan("Sprint", "Support", "EUR", new BigDecimal("14.00"),
                BillingPeriod.WEEKLY, BillingMode.IN_ARREAR, null, null, 2)), BillingAlignment.SUBSCRIPTION);
        Map<String, String> files = RulePackExport.files(pack);
        assertThat(files.get("pack.properties")).contains("billing_alignment=SUBSCRIPTION");
        assertThat(files.get("catalog/plans.csv")).contains(",6 MONTHS,").contains(",2 WEEKS,");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        RulePack back = RulePackLoader.fromDirectory(dir, 1);
        assertThat(back.contentHash()).isEqualTo(pack.contentHash());
        assertThat(back.alignment()).isEqualTo(BillingAlignment.SUBSCRIPTION);
        // the default alignment is not written, so packs export as they did
        assertThat(RulePackExport.files(pack(List.of(pro(1)), null)).get("pack.properties"))
                .doesNotContain("billing_alignment");
    }

    private static void write(Path dir, String settings, String rows) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=tax.drl\n" + settings);
        Files.writeString(dir.resolve("tax.drl"), "package t;\n");
        Files.writeString(dir.resolve("plans.csv"), "plan,product,currency,price,billing_period,billing_mode\n" + rows);
    }
}
