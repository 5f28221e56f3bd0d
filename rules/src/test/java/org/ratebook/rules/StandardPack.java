package org.ratebook.rules;

import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.pack.TaxRounding;
import org.ratebook.rules.pack.TaxSettings;

import java.util.Map;
import java.util.TreeMap;

/** The shipped standard pack with some of its tables or settings replaced, as a tenant would adapt it. */
final class StandardPack {

    static final String FOLDER = "org/ratebook/rules/packs/standard";

    private StandardPack() {
    }

    static RulePack shipped() {
        return RulePackLoader.fromClasspath(FOLDER, 1);
    }

    /** The standard pack with {@code table} (e.g. {@link PackTables#TAX_RATES}) replaced by {@code csv}. */
    static RulePack withTable(String table, String csv) {
        return with(shipped(), table, csv);
    }

    static RulePack with(RulePack base, String table, String csv) {
        Map<String, String> texts = new TreeMap<>(base.tables().texts());
        texts.put(table, csv);
        return new RulePack(base.name(), base.version(), base.plans(), base.sources(), base.dayCount(),
                base.rounding(), PackTables.of(texts), base.taxSettings());
    }

    static RulePack withSettings(RulePack base, boolean pricesIncludeTax, TaxRounding rounding) {
        return new RulePack(base.name(), base.version(), base.plans(), base.sources(), base.dayCount(),
                base.rounding(), base.tables(), new TaxSettings(pricesIncludeTax, rounding));
    }
}
