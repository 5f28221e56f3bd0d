package org.ratebook.features;

import io.cucumber.spring.ScenarioScope;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.TaxSettings;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule pack the scenario's seller bills with, as the scenario adapts it table by table. Every change is
 * imported as the seller's next version, in effect from long before any date a scenario uses, so the latest
 * change is what prices.
 */
@Component
@ScenarioScope
public class ScenarioPack {

    private static final LocalDate EFFECTIVE_FROM = LocalDate.of(2000, 1, 1);

    private final BillingWorld world;
    private final RulePackImports packs;
    private RulePackContent content;

    public ScenarioPack(BillingWorld world, RulePackImports packs) {
        this.world = world;
        this.packs = packs;
    }

    public void use(RulePackContent newContent) {
        content = newContent;
        packs.importContent(world.theSeller(), content, EFFECTIVE_FROM);
    }

    public void withPlans(List<CatalogPlan> plans) {
        RulePackContent c = current();
        use(new RulePackContent(c.name(), plans, c.sources(), c.dayCount(), c.rounding(), c.tables(), c.taxSettings()));
    }

    public void withTable(String table, String csv) {
        RulePackContent c = current();
        Map<String, String> tables = new TreeMap<>(c.tables());
        tables.put(table, csv);
        use(new RulePackContent(c.name(), c.plans(), c.sources(), c.dayCount(), c.rounding(), tables, c.taxSettings()));
    }

    public void withTaxSettings(TaxSettings settings) {
        RulePackContent c = current();
        use(new RulePackContent(c.name(), c.plans(), c.sources(), c.dayCount(), c.rounding(), c.tables(), settings));
    }

    public RulePackContent current() {
        if (content == null) {
            throw new IllegalStateException("say which rule pack the seller bills with first, e.g. 'the seller bills "
                    + "with the standard rule pack'");
        }
        return content;
    }
}
