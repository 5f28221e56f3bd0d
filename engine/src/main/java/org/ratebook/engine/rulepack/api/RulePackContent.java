package org.ratebook.engine.rulepack.api;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RulePack;

import java.util.List;

/** What a version consists of: the catalog table and the DRL sources. Stored whole in the events. */
public record RulePackContent(String name, List<CatalogPlan> plans, List<DrlSource> sources) {
    public RulePackContent {
        plans = List.copyOf(plans);
        sources = List.copyOf(sources);
    }

    public static RulePackContent of(RulePack pack) {
        return new RulePackContent(pack.name(), pack.plans(), pack.sources());
    }

    public RulePack asVersion(int version) {
        return new RulePack(name, version, plans, sources);
    }
}
