package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
                .containsExactly("PRICING:rules/pricing.drl", "PRICING:rules/pricing-changes.drl", "TAX:rules/tax.drl",
                        "SUSPENSION:rules/suspension.drl");
    }

    @Test
    void aBadTableRowIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=\n");
        Files.writeString(dir.resolve("plans.csv"), "header\nPro,Hosting,EUR,forty-nine,MONTHLY,IN_ADVANCE\n");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                .isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("plans.csv line 2");
    }

    @Test
    void aDrlFileMustBeNamedAfterItsCategory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.properties"), "name=x\ncatalog.plans=plans.csv\nrules=prices.drl\n");
        Files.writeString(dir.resolve("plans.csv"), "header\n");
        Files.writeString(dir.resolve("prices.drl"), "package x;");
        assertThatThrownBy(() -> RulePackLoader.fromDirectory(dir, 1))
                .isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("must start with a category");
    }
}
