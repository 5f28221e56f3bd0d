package org.ratebook.engine.rulepack.api;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RulePack;

import org.ratebook.rules.time.DayCount;

import java.math.RoundingMode;
import java.util.List;

/**
 * What a version consists of: the catalog tables (plans, usage charges and tiers) and the DRL sources. Stored
 * whole in the events; events written before usage tables existed read as having none.
 */
public record RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                              RoundingMode rounding, List<UsageCharge> usageCharges, List<UsageTier> usageTiers) {
    public RulePackContent {
        plans = List.copyOf(plans);
        sources = List.copyOf(sources);
        dayCount = dayCount == null ? DayCount.ACTUAL : dayCount;
        rounding = rounding == null ? RoundingMode.HALF_UP : rounding;
        usageCharges = usageCharges == null ? List.of() : List.copyOf(usageCharges);
        usageTiers = usageTiers == null ? List.of() : List.copyOf(usageTiers);
    }

    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources, DayCount dayCount,
                           RoundingMode rounding) {
        this(name, plans, sources, dayCount, rounding, List.of(), List.of());
    }

    public RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources) {
        this(name, plans, sources, null, null);
    }

    public static RulePackContent of(RulePack pack) {
        return new RulePackContent(pack.name(), pack.plans(), pack.sources(), pack.dayCount(), pack.rounding(),
                pack.usageCharges(), pack.usageTiers());
    }

    public RulePack asVersion(int version) {
        return new RulePack(name, version, plans, sources, dayCount, rounding, usageCharges, usageTiers);
    }
}
