package org.ratebook.rules;

import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;

import java.util.ArrayList;
import java.util.List;

/** The default pack with one category's DRL replaced, as an analyst would publish it. */
public final class TestPacks {

    private TestPacks() {
    }

    /** The default pricing rules and {@code taxDrl} as {@code rules/tax.drl}. */
    public static RulePack withTax(String taxDrl) {
        RulePack base = RulePackLoader.defaultPack();
        List<DrlSource> sources = new ArrayList<>(base.sources(RuleCategory.PRICING));
        sources.add(new DrlSource(RuleCategory.TAX, "rules/tax.drl", taxDrl));
        return new RulePack(base.name(), base.version(), base.plans(), sources);
    }

    /** {@code pricingDrl} as {@code rules/pricing.drl} and no tax rules. */
    public static RulePack withPricingOnly(String pricingDrl) {
        RulePack base = RulePackLoader.defaultPack();
        return new RulePack(base.name(), base.version(), base.plans(),
                List.of(new DrlSource(RuleCategory.PRICING, "rules/pricing.drl", pricingDrl)));
    }
}
