package org.ratebook.engine.rulepack.api;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RulePack;

import org.ratebook.rules.pack.TaxSettings;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.DayCount;

import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a version consists of: the catalog tables (plans, usage charges and tiers), the other tables by name (tax
 * rates, coupons, discounts; CSV as written), the settings and the DRL sources. Stored whole in the events.
 * Events saved before tables, tax settings, usage tables, the billing alignment or period counts existed read back
 * with none and the defaults.
 */
public record RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                              RoundingMode rounding, Map<String, String> tables, TaxSettings taxSettings,
                              List<UsageCharge> usageCharges, List<UsageTier> usageTiers,
                              BillingAlignment alignment) {
    public RulePackContent {
        plans = List.copyOf(plans);
        sources = List.copyOf(sources);
        dayCount = dayCount == null ? DayCount.ACTUAL : dayCount;
        rounding = rounding == null ? RoundingMode.HALF_UP : rounding;
        tables = tables == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tables));
        taxSettings = taxSettings == null ? TaxSettings.DEFAULT : taxSettings;
        usageCharges = usageCharges == null ? List.of() : List.copyOf(usageCharges);
        usageTiers = usageTiers == null ? List.of() : List.copyOf(usageTiers);
        alignment = alignment == null ? BillingAlignment.DEFAULT : alignment;
    }

    /** Content with the default billing alignment (events saved before the setting existed read back so). */
    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                           RoundingMode rounding, Map<String, String> tables, TaxSettings taxSettings,
                           List<UsageCharge> usageCharges, List<UsageTier> usageTiers) {
        this(name, plans, sources, dayCount, rounding, tables, taxSettings, usageCharges, usageTiers,
                BillingAlignment.DEFAULT);
    }

    /** Content with tax and discount tables and settings, without usage tables. */
    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                           RoundingMode rounding, Map<String, String> tables, TaxSettings taxSettings) {
        this(name, plans, sources, dayCount, rounding, tables, taxSettings, List.of(), List.of());
    }

    /** Content with usage tables, without other tables. */
    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                           RoundingMode rounding, List<UsageCharge> usageCharges, List<UsageTier> usageTiers) {
        this(name, plans, sources, dayCount, rounding, null, null, usageCharges, usageTiers);
    }

    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                           RoundingMode rounding) {
        this(name, plans, sources, dayCount, rounding, null, null, List.of(), List.of());
    }

    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources) {
        this(name, plans, sources, null, null);
    }

    public static RulePackContent of(RulePack pack) {
        return new RulePackContent(pack.name(), pack.plans(), pack.sources(), pack.dayCount(), pack.rounding(),
                pack.tables().texts(), pack.taxSettings(), pack.usageCharges(), pack.usageTiers(), pack.alignment());
    }

    /** @throws org.ratebook.rules.pack.RulePackFormatException if a table is malformed */
    public RulePack asVersion(int version) {
        return new RulePack(name, version, plans, sources, dayCount, rounding, PackTables.of(tables), taxSettings,
                usageCharges, usageTiers, alignment);
    }
}
