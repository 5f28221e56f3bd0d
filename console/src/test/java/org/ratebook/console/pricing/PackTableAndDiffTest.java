package org.ratebook.console.pricing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables read and write as the loader expects, cells are checked in words, and diffs say what changed. */
class PackTableAndDiffTest {

    private static final String PLANS = """
            plan,product,currency,price,billing_period,billing_mode
            # prices in EUR
            Starter,Hosting,EUR,19.00,MONTHLY,IN_ADVANCE
            Pro,Hosting,EUR,49.00,MONTHLY,IN_ADVANCE
            """;

    @Test
    void aTableKeepsItsHeaderFirstAndItsNotes() {
        PackTable table = PackTable.parse("catalog/plans.csv", PLANS);
        assertThat(table.header).containsExactly("plan", "product", "currency", "price", "billing_period", "billing_mode");
        assertThat(table.rows).hasSize(2);
        assertThat(table.comments).containsExactly("# prices in EUR");
        assertThat(table.format().lines().findFirst()).contains("plan,product,currency,price,billing_period,billing_mode");
        assertThat(PackTable.parse("catalog/plans.csv", table.format()).rows).isEqualTo(table.rows);
    }

    @Test
    void cellsAreCheckedInWords() {
        assertThat(PackTable.checkCell("price", "49,00", false)).contains("a cell cannot contain a comma (the table is comma-separated)");
        assertThat(PackTable.checkCell("price", "abc", false)).get().asString().contains("must be a number such as 49.00");
        assertThat(PackTable.checkCell("price", "-1", false)).contains("price cannot be negative");
        assertThat(PackTable.checkCell("currency", "eur", false)).get().asString().contains("three-letter code");
        assertThat(PackTable.checkCell("billing_mode", "LATER", false)).get().asString().contains("IN_ADVANCE");
        assertThat(PackTable.checkCell("valid_from", "1.3.2027", false)).get().asString().contains("2027-03-01");
        assertThat(PackTable.checkCell("plan", "", true)).contains("plan must not be empty");
        assertThat(PackTable.checkCell("price", "59.00", false)).isEmpty();

        PackTable table = PackTable.parse("catalog/plans.csv", PLANS);
        table.rows.get(1).set(3, "");
        assertThat(table.problems()).containsExactly("catalog/plans.csv row 2: price must not be empty");
    }

    @Test
    void aChangedPriceIsOneChangedRowNamingTheCell() {
        String raised = PLANS.replace("Pro,Hosting,EUR,49.00", "Pro,Hosting,EUR,59.00")
                + "Business,Hosting,EUR,99.00,MONTHLY,IN_ADVANCE\n";
        PackDiff.FileDiff diff = PackDiff.table("catalog/plans.csv", PLANS, raised);

        List<PackDiff.TableRow> changed = diff.rows().stream().filter(r -> r.kind() != PackDiff.Kind.SAME).toList();
        assertThat(changed).extracting(PackDiff.TableRow::kind).containsExactly(PackDiff.Kind.CHANGED, PackDiff.Kind.ADDED);
        assertThat(changed.getFirst().changedColumns()).containsExactly("price");
        assertThat(diff.summary()).isEqualTo("catalog/plans.csv: Pro: price 49.00 → 59.00; added: Business, Hosting, EUR, 99.00, MONTHLY, IN_ADVANCE");
    }

    @Test
    void rulesAreComparedLineByLineSideBySide() {
        PackDiff.FileDiff diff = PackDiff.text("rules/x.drl", "a\nb\nc\n", "a\nB\nc\nd\n");
        assertThat(diff.lines()).extracting(PackDiff.TextRow::kind).containsExactly(PackDiff.Kind.SAME,
                PackDiff.Kind.CHANGED, PackDiff.Kind.SAME, PackDiff.Kind.ADDED);
        assertThat(diff.lines().get(1)).isEqualTo(new PackDiff.TextRow(PackDiff.Kind.CHANGED, 2, "b", 2, "B"));
        assertThat(diff.lines().get(3)).isEqualTo(new PackDiff.TextRow(PackDiff.Kind.ADDED, null, "", 4, "d"));

        assertThat(PackDiff.summary(Map.of("rules/x.drl", "a\n"), Map.of("rules/x.drl", "a\n"))).isEqualTo("no change");
    }

    @Test
    void everyTemplateNamesACategoryFile() {
        assertThat(DrlTemplates.all()).extracting(DrlTemplates.Template::title).containsExactly(
                "A discount for a customer segment", "A tax rate for a region", "A dunning step", "A grandfathered price");
        assertThat(DrlTemplates.all()).allSatisfy(t -> assertThat(t.file()).startsWith("rules/").endsWith(".drl"));
    }
}
