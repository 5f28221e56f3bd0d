package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.RulePackLoader;
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

    public CatalogSteps(BillingWorld world, RulePackImports packs) {
        this.world = world;
        this.packs = packs;
    }

    @Given("the seller bills with this catalog, counting days {word}:")
    public void catalog(String dayCount, DataTable table) {
        List<CatalogPlan> plans = table.asMaps().stream().map(CatalogSteps::row).toList();
        RulePackContent content = new RulePackContent("scenario catalog", plans,
                RulePackLoader.defaultPack().sources(), DayCount.valueOf(dayCount.toUpperCase(Locale.ROOT)),
                RoundingMode.HALF_UP);
        packs.importContent(world.theSeller(), content, LocalDate.of(2000, 1, 1));
    }

    private static CatalogPlan row(Map<String, String> row) {
        String period = row.get("billed").strip().toUpperCase(Locale.ROOT);
        return new CatalogPlan(row.get("plan"), row.get("product"), row.get("currency"), new BigDecimal(row.get("price")),
                BillingPeriod.valueOf(period), BillingMode.valueOf(
                        row.getOrDefault("mode", "in advance").strip().toUpperCase(Locale.ROOT).replace(' ', '_')),
                row.get("phase"), row.get("lasts"));
    }
}
