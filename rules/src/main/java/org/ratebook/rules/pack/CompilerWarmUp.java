package org.ratebook.rules.pack;

import java.util.ArrayList;
import java.util.List;

/**
 * Warms the Drools compiler by compiling a throw-away pack of {@value #RULES} rules (pricing and tax, the shapes
 * analysts write) and discarding it. Compiling a pack is mostly JIT-compiled Drools and mvel code: a JVM whose
 * only compile so far was the 2-rule default pack took 2.3 s to make a new 300-rule pack live, one that had
 * compiled a pack of similar size 1.3 s (docs/benchmarks.md). A server runs this once at start-up, off the
 * request threads, so the first new pack it compiles costs about 40 % less CPU however small the packs it served
 * before (measured; whether that is under 2 s depends on the machine). The pack is compiled without the cache, so
 * it never takes a cache slot.
 */
public final class CompilerWarmUp {

    public static final int RULES = 300;

    private static final int COUNTRIES = 30;

    private CompilerWarmUp() {
    }

    /** Compiles the warm-up pack; returns the milliseconds it took. */
    public static long run() {
        long start = System.nanoTime();
        RulePackCompiler.compile(pack());
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** {@value #RULES} rules: two thirds pricing (product × country), one third tax (country × year window). */
    static RulePack pack() {
        StringBuilder pricing = new StringBuilder("""
                package ratebook.warmup.pricing;

                import org.ratebook.rules.fact.BillingAccount;
                import org.ratebook.rules.fact.CatalogPlan;
                import org.ratebook.rules.fact.SubscriptionPeriod;

                global org.ratebook.rules.decision.PricingOutput pricing;
                """);
        int pricingRules = RULES * 2 / 3;
        for (int i = 0; i < pricingRules; i++) {
            pricing.append("""

                    rule "Warm-up product %d in country %d at its catalog price"
                    when
                        BillingAccount( country in ("C%d", "D%d") )
                        $period : SubscriptionPeriod( $plan : plan, $currency : currency )
                        $price  : CatalogPlan( product == "P%d", code == $plan, currency == $currency )
                    then
                        pricing.recurring($period, $price);
                    end
                    """.formatted(i / COUNTRIES, i % COUNTRIES, i % COUNTRIES, i % COUNTRIES, i / COUNTRIES));
        }
        StringBuilder tax = new StringBuilder("""
                package ratebook.warmup.tax;

                import java.math.BigDecimal;
                import org.ratebook.rules.fact.BillingAccount;
                import org.ratebook.rules.fact.BillingDate;
                import org.ratebook.rules.fact.Charge;

                global org.ratebook.rules.decision.TaxOutput tax;
                """);
        for (int i = pricingRules; i < RULES; i++) {
            int year = 2020 + (i - pricingRules) / COUNTRIES;
            tax.append("""

                    rule "Warm-up VAT in country %d in %d"
                    when
                        BillingAccount( country == "C%d" )
                        BillingDate( date.year == %d )
                        $charge : Charge( )
                    then
                        tax.rate($charge, new BigDecimal("%d"), "VAT %d%%");
                    end
                    """.formatted(i % COUNTRIES, year, i % COUNTRIES, year, 10 + i % 15, 10 + i % 15));
        }
        List<DrlSource> sources = new ArrayList<>();
        sources.add(new DrlSource(RuleCategory.PRICING, "ratebook/warmup/pricing/pricing.drl", pricing.toString()));
        sources.add(new DrlSource(RuleCategory.TAX, "ratebook/warmup/tax/tax.drl", tax.toString()));
        return new RulePack("compiler-warm-up", 0, List.of(), sources);
    }
}
