package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.DayCount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's own catalog, as an analyst writes a price table, priced by the default pack's rules: the way
 * Kill Bill's scenario suite gives each test the catalog it needs.
 */
public class CatalogSteps {

    private final BillingWorld world;
    private final RulePackImports packs;

    private final ScenarioPack pack;

    public CatalogSteps(BillingWorld world, RulePackImports packs, ScenarioPack pack) {
        this.world = world;
        this.packs = packs;
        this.pack = pack;
    }

    @Given("the seller bills with this catalog, counting days {word}:")
    public void catalog(String dayCount, DataTable table) {
        catalog(dayCount, BillingAlignment.DEFAULT.name(), table);
    }

    /** The catalog with the seller's billing alignment: ACCOUNT, SUBSCRIPTION or CALENDAR. */
    @Given("the seller bills with this catalog, counting days {word}, aligned to {word}:")
    public void catalog(String dayCount, String alignment, DataTable table) {
        List<CatalogPlan> plans = table.asMaps().stream().map(CatalogSteps::row).toList();
        RulePackContent content = new RulePackContent("scenario catalog", plans,
                RulePackLoader.defaultPack().sources(), DayCount.valueOf(dayCount.toUpperCase(Locale.ROOT)),
                RoundingMode.HALF_UP, null, null, List.of(), List.of(), BillingAlignment.parse(alignment));
        pack.use(content); // imported from 2000-01-01, and known to steps that add rules to it
    }

    /** The "billed" column as a price table writes it: "monthly", "annual", "every 6 months", "2 weeks". */
    private static CatalogPlan row(Map<String, String> row) {
        Cadence cadence = Cadence.parse(row.get("billed"));
        return new CatalogPlan(row.get("plan"), row.get("product"), row.get("currency"), new BigDecimal(row.get("price")),
                cadence.unit(), BillingMode.valueOf(
                        row.getOrDefault("mode", "in advance").strip().toUpperCase(Locale.ROOT).replace(' ', '_')),
                row.get("phase"), row.get("lasts"), cadence.every());
    }
}
