package org.ratebook.rules.bench;

import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A realistic 300-rule pack, generated: 300 plans (20 product families × 5 tiers × 3 billing periods) plus
 * 10 coupons in the catalog, and
 * <ul>
 *   <li>{@code rules/pricing.drl}: 200 rules, one per product family and sales territory (10 territories of
 *       3 countries each), pricing a subscription at its catalog row;</li>
 *   <li>{@code rules/pricing-coupons.drl}: 10 coupon-like rules, one per territory: a coupon is a catalog row
 *       with a negative price that only accounts of its territory may redeem (today's {@code Decisions} has
 *       no discount decision, so this is the closest a pack can get to a discount);</li>
 *   <li>{@code rules/tax.drl}: 90 rules, VAT for each of the 30 countries in three dated windows (before
 *       2024, 2024, from 2025); rates are illustrative at year granularity.</li>
 * </ul>
 * Only current fact types, the {@code decisions} global and plain constraints: no functions, no
 * insert/update, no fully qualified names in rules, no loops. Variants differ in catalog prices only, so
 * each variant has its own content hash while the DRL stays the same.
 */
public final class GeneratedPack {

    public static final int RULES = 300;
    public static final String CURRENCY = "EUR";

    public static final List<String> FAMILIES = List.of("Hosting", "Storage", "Backup", "CDN", "Databases",
            "Email", "Monitoring", "Analytics", "Security", "Support", "Search", "Messaging", "Identity",
            "Logging", "Video", "Voice", "Workflow", "Forms", "Signatures", "Reporting");
    public static final List<String> TIERS = List.of("Starter", "Team", "Business", "Enterprise", "Premier");
    private static final int[] TIER_FACTOR = {1, 3, 8, 20, 45};

    /** A sales territory: three countries priced alike and offered the same coupon. */
    public record Territory(String name, String code, List<Country> countries) {
    }

    /** A country and its standard VAT rate before 2024, in 2024 and from 2025 (illustrative). */
    public record Country(String code, String name, String before2024, String in2024, String from2025) {
        public String rateOn(LocalDate date) {
            return date.getYear() < 2024 ? before2024 : date.getYear() == 2024 ? in2024 : from2025;
        }
    }

    public static final List<Territory> TERRITORIES = List.of(
            new Territory("DACH", "DACH", List.of(
                    new Country("DE", "Germany", "19", "19", "19"),
                    new Country("AT", "Austria", "20", "20", "20"),
                    new Country("CH", "Switzerland", "7.7", "8.1", "8.1"))),
            new Territory("Benelux", "BENELUX", List.of(
                    new Country("BE", "Belgium", "21", "21", "21"),
                    new Country("NL", "the Netherlands", "21", "21", "21"),
                    new Country("LU", "Luxembourg", "16", "17", "17"))),
            new Territory("the Nordics", "NORDICS", List.of(
                    new Country("SE", "Sweden", "25", "25", "25"),
                    new Country("DK", "Denmark", "25", "25", "25"),
                    new Country("FI", "Finland", "24", "24", "25.5"))),
            new Territory("the Baltics", "BALTICS", List.of(
                    new Country("EE", "Estonia", "20", "22", "24"),
                    new Country("LV", "Latvia", "21", "21", "21"),
                    new Country("LT", "Lithuania", "21", "21", "21"))),
            new Territory("Iberia", "IBERIA", List.of(
                    new Country("ES", "Spain", "21", "21", "21"),
                    new Country("PT", "Portugal", "23", "23", "23"),
                    new Country("AD", "Andorra", "4.5", "4.5", "4.5"))),
            new Territory("France, Italy and Malta", "FRITMT", List.of(
                    new Country("FR", "France", "20", "20", "20"),
                    new Country("IT", "Italy", "22", "22", "22"),
                    new Country("MT", "Malta", "18", "18", "18"))),
            new Territory("Central Europe", "CENTRAL", List.of(
                    new Country("PL", "Poland", "23", "23", "23"),
                    new Country("CZ", "Czechia", "21", "21", "21"),
                    new Country("SK", "Slovakia", "20", "20", "23"))),
            new Territory("South-East Europe", "SOUTHEAST", List.of(
                    new Country("HU", "Hungary", "27", "27", "27"),
                    new Country("RO", "Romania", "19", "19", "21"),
                    new Country("BG", "Bulgaria", "20", "20", "20"))),
            new Territory("the Adriatic and Greece", "ADRIATIC", List.of(
                    new Country("HR", "Croatia", "25", "25", "25"),
                    new Country("SI", "Slovenia", "22", "22", "22"),
                    new Country("GR", "Greece", "24", "24", "24"))),
            new Territory("the North Sea", "NORTHSEA", List.of(
                    new Country("GB", "the United Kingdom", "20", "20", "20"),
                    new Country("IE", "Ireland", "23", "23", "23"),
                    new Country("NO", "Norway", "25", "25", "25"))));

    private GeneratedPack() {
    }

    // ---------------------------------------------------------------- catalog

    public static String planCode(String family, String tier, BillingPeriod period) {
        return (family + "-" + tier + "-" + period.name()).toLowerCase(Locale.ROOT);
    }

    public static String couponCode(Territory territory) {
        return "SPRING-" + territory.code();
    }

    /** The catalog price of a plan in a variant: family base × tier × months, longer periods discounted. */
    public static BigDecimal price(int variant, String family, String tier, BillingPeriod period) {
        int base = 4 + 3 * FAMILIES.indexOf(family);
        int months = switch (period) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case ANNUAL -> 12;
            default -> throw new IllegalArgumentException("the generated pack has only monthly, quarterly and annual plans");
        };
        BigDecimal discount = switch (period) {
            case MONTHLY -> BigDecimal.ONE;
            case QUARTERLY -> new BigDecimal("0.95");
            case ANNUAL -> new BigDecimal("0.85");
            default -> throw new IllegalArgumentException("the generated pack has only monthly, quarterly and annual plans");
        };
        return BigDecimal.valueOf((long) base * TIER_FACTOR[TIERS.indexOf(tier)] * months)
                .multiply(discount)
                .multiply(variantFactor(variant))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** A coupon's (negative) catalog amount in a variant. */
    public static BigDecimal couponAmount(int variant, Territory territory) {
        return BigDecimal.valueOf(-5L * (TERRITORIES.indexOf(territory) + 1))
                .multiply(variantFactor(variant))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Variant 0 has the base prices; variant n is n‰ dearer, so every variant has its own content hash. */
    private static BigDecimal variantFactor(int variant) {
        return BigDecimal.ONE.add(BigDecimal.valueOf(variant, 3));
    }

    static String plansCsv(int variant) {
        StringBuilder csv = new StringBuilder("plan,product,currency,price,billing_period,billing_mode\n");
        for (String family : FAMILIES) {
            for (String tier : TIERS) {
                for (BillingPeriod period : List.of(BillingPeriod.MONTHLY, BillingPeriod.QUARTERLY, BillingPeriod.ANNUAL)) {
                    String mode = family.equals("Voice") ? "IN_ARREAR" : "IN_ADVANCE";
                    csv.append(String.join(",", planCode(family, tier, period), family, CURRENCY,
                            price(variant, family, tier, period).toPlainString(), period.name(), mode)).append('\n');
                }
            }
        }
        for (Territory territory : TERRITORIES) {
            csv.append(String.join(",", couponCode(territory), "Coupon", CURRENCY,
                    couponAmount(variant, territory).toPlainString(), "MONTHLY", "IN_ADVANCE")).append('\n');
        }
        return csv.toString();
    }

    // ---------------------------------------------------------------- rules

    private static String countryList(Territory territory) {
        return String.join(", ", territory.countries().stream().map(c -> '"' + c.code() + '"').toList());
    }

    static String pricingDrl() {
        StringBuilder drl = new StringBuilder("""
                package ratebook.pricing;

                import org.ratebook.rules.fact.BillingAccount;
                import org.ratebook.rules.fact.CatalogPlan;
                import org.ratebook.rules.fact.SubscriptionPeriod;

                global org.ratebook.rules.decision.PricingOutput pricing;
                """);
        for (String family : FAMILIES) {
            for (Territory territory : TERRITORIES) {
                drl.append("""

                        rule "%s plans for accounts in %s are charged at their catalog price"
                        when
                            BillingAccount( country in (%s) )
                            $period : SubscriptionPeriod( $plan : plan, $currency : currency )
                            $price  : CatalogPlan( product == "%s", code == $plan, currency == $currency )
                        then
                            pricing.recurring($period, $price);
                        end
                        """.formatted(family, territory.name(), countryList(territory), family));
            }
        }
        return drl.toString();
    }

    static String couponDrl() {
        StringBuilder drl = new StringBuilder("""
                package ratebook.pricing.coupons;

                import org.ratebook.rules.fact.BillingAccount;
                import org.ratebook.rules.fact.CatalogPlan;
                import org.ratebook.rules.fact.SubscriptionPeriod;

                global org.ratebook.rules.decision.PricingOutput pricing;
                """);
        for (Territory territory : TERRITORIES) {
            drl.append("""

                    rule "The %s coupon credits its catalog amount to accounts in %s"
                    when
                        BillingAccount( country in (%s) )
                        $period : SubscriptionPeriod( plan == "%s", $plan : plan, $currency : currency )
                        $coupon : CatalogPlan( product == "Coupon", code == $plan, currency == $currency )
                    then
                        pricing.recurring($period, $coupon);
                    end
                    """.formatted(couponCode(territory), territory.name(), countryList(territory),
                    couponCode(territory)));
        }
        return drl.toString();
    }

    static String taxDrl() {
        StringBuilder drl = new StringBuilder("""
                package ratebook.tax;

                import java.math.BigDecimal;
                import org.ratebook.rules.fact.BillingAccount;
                import org.ratebook.rules.fact.BillingDate;
                import org.ratebook.rules.fact.Charge;

                global org.ratebook.rules.decision.TaxOutput tax;
                """);
        for (Territory territory : TERRITORIES) {
            for (Country country : territory.countries()) {
                taxRule(drl, country, country.before2024(), "before 2024", "date.year < 2024");
                taxRule(drl, country, country.in2024(), "in 2024", "date.year == 2024");
                taxRule(drl, country, country.from2025(), "from 2025", "date.year >= 2025");
            }
        }
        return drl.toString();
    }

    private static void taxRule(StringBuilder drl, Country country, String rate, String window, String when) {
        drl.append("""

                rule "Accounts in %s pay %s%% VAT on invoices dated %s"
                when
                    BillingAccount( country == "%s" )
                    BillingDate( %s )
                    $charge : Charge( )
                then
                    tax.rate($charge, new BigDecimal("%s"), "VAT %s%%");
                end
                """.formatted(country.name(), rate, window, country.code(), when, rate, rate));
    }

    // ---------------------------------------------------------------- usage and real coupons

    /** The three meters every monthly plan prices in arrear. */
    public static final List<String> METERS = List.of("api_calls", "storage_gb", "egress_gb");

    /**
     * Usage charges of every monthly plan (100 plans × 3 meters): API calls graduated (first 10,000 free, then
     * 0.0010, from 100,001 0.0005 each), storage per GB at 0.0200 with 5 GB free, egress in packages of 100 GB at
     * 4.00 a package. Prices scale with the tier like the plans.
     */
    static String usageChargesCsv() {
        StringBuilder csv = new StringBuilder("charge,name,plan,meter,currency,model,unit_price,package_size,free_units\n");
        for (String family : FAMILIES) {
            for (String tier : TIERS) {
                String plan = planCode(family, tier, BillingPeriod.MONTHLY);
                csv.append(String.join(",", plan + "-api", "API calls", plan, "api_calls", CURRENCY, "GRADUATED", "", "",
                        "")).append('\n');
                csv.append(String.join(",", plan + "-storage", "Storage", plan, "storage_gb", CURRENCY, "PER_UNIT",
                        "0.0200", "", "5")).append('\n');
                csv.append(String.join(",", plan + "-egress", "Egress", plan, "egress_gb", CURRENCY, "PACKAGE",
                        "4.00", "100", "")).append('\n');
            }
        }
        return csv.toString();
    }

    static String usageTiersCsv() {
        StringBuilder csv = new StringBuilder("charge,from,to,unit_price\n");
        for (String family : FAMILIES) {
            for (String tier : TIERS) {
                String charge = planCode(family, tier, BillingPeriod.MONTHLY) + "-api";
                csv.append(charge).append(",0,10000,0\n");
                csv.append(charge).append(",10000,100000,0.0010\n");
                csv.append(charge).append(",100000,,0.0005\n");
            }
        }
        return csv.toString();
    }

    /** One real coupon per territory in the discount table: 10 % off every charge of every plan, for ever. */
    static String couponsCsv() {
        StringBuilder csv = new StringBuilder("code,kind,value,currency,duration,plans,expires_on\n");
        for (Territory territory : TERRITORIES) {
            csv.append(couponCode(territory)).append(",PERCENT,10,,forever,,\n");
        }
        return csv.toString();
    }

    static final String OVERAGE_DRL = """
            package ratebook.overage;

            import org.ratebook.rules.fact.UsageCharge;
            import org.ratebook.rules.fact.UsagePeriod;

            global org.ratebook.rules.decision.RatingOutput rating;

            rule "Usage priced by the plan's charge table"
            when
                $usage  : UsagePeriod( $plan : plan, $meter : meter, $currency : currency )
                $charge : UsageCharge( plan == $plan, meter == $meter, currency == $currency )
            then
                rating.usage($usage, $charge);
            end
            """;

    static final String DISCOUNT_DRL = """
            package ratebook.discount;

            import org.ratebook.rules.fact.Charge;
            import org.ratebook.rules.fact.DiscountKind;
            import org.ratebook.rules.fact.RedeemedCoupon;

            global org.ratebook.rules.decision.DiscountOutput discount;

            rule "Percentage coupon on the plans it covers"
            when
                $charge : Charge( amount > 0, $plan : plan )
                $coupon : RedeemedCoupon( coupon.kind == DiscountKind.PERCENT, appliesTo($plan) )
            then
                discount.coupon($charge, $coupon);
            end
            """;

    /**
     * Variant {@code variant} with usage and real coupons: the same plans, pricing and tax rules, plus the usage
     * charge and tier tables, the coupon table, one overage rule and one discount rule (302 rules).
     */
    public static Map<String, String> filesWithUsage(int variant) {
        Map<String, String> files = files(variant);
        files.put("pack.properties", """
                # Generated benchmark pack with usage and coupons, variant %d: 300 plans, 300 usage charges, 302 rules.
                name=generated-usage-%d
                catalog.plans=catalog/plans.csv
                catalog.usage_charges=catalog/usage_charges.csv
                catalog.usage_tiers=catalog/usage_tiers.csv
                discount.coupons=discount/coupons.csv
                rules=rules/pricing.drl,rules/pricing-coupons.drl,rules/overage.drl,rules/discount.drl,rules/tax.drl
                """.formatted(variant, variant));
        files.put("catalog/usage_charges.csv", usageChargesCsv());
        files.put("catalog/usage_tiers.csv", usageTiersCsv());
        files.put("discount/coupons.csv", couponsCsv());
        files.put("rules/overage.drl", OVERAGE_DRL);
        files.put("rules/discount.drl", DISCOUNT_DRL);
        return files;
    }

    public static RulePack packWithUsage(int variant) {
        return RulePackLoader.fromFiles(filesWithUsage(variant), 1);
    }

    /**
     * The {@code n}-th typical invoice with usage: one flat monthly subscription (quantity 1) for March 2026, its
     * three meters' usage in February (billed in arrear) and the account's territory coupon redeemed (10 % off
     * the plan's charges, usage included), for an account in the n-th country (mod 30), invoiced on 1 March 2026.
     * Eight lines: the plan, API calls, storage and egress, and the coupon's discount of each; VAT on all.
     */
    public static InvoiceQuestion typicalInvoiceWithUsage(int n, RulePack pack) {
        List<Country> countries = countries();
        Country country = countries.get(Math.floorMod(n, countries.size()));
        String account = "acc-" + n;
        LocalDate from = LocalDate.of(2026, 3, 1);
        int f = Math.floorMod(n * 7, FAMILIES.size());
        String plan = planCode(FAMILIES.get(f), TIERS.get(Math.floorMod(n, TIERS.size())), BillingPeriod.MONTHLY);
        String sub = account + "-flat";
        LocalDate usageFrom = LocalDate.of(2026, 2, 1);
        List<org.ratebook.rules.fact.UsagePeriod> usage = List.of(
                new org.ratebook.rules.fact.UsagePeriod(sub, plan, "api_calls", "calls", CURRENCY, usageFrom, from,
                        BigDecimal.valueOf(40_000L + 5_000L * n), 40_000L + 5_000L * n),
                new org.ratebook.rules.fact.UsagePeriod(sub, plan, "storage_gb", "GB", CURRENCY, usageFrom, from,
                        BigDecimal.valueOf(120 + n), 28),
                new org.ratebook.rules.fact.UsagePeriod(sub, plan, "egress_gb", "GB", CURRENCY, usageFrom, from,
                        BigDecimal.valueOf(250 + 10L * n), 900));
        org.ratebook.rules.fact.Coupon coupon = pack.tables().coupon(couponCode(territoryOf(country.code())))
                .orElseThrow();
        return new InvoiceQuestion(new BillingAccount(account, CURRENCY, country.code()), from,
                List.of(new SubscriptionPeriod(sub, plan, 1, CURRENCY, from, from.plusMonths(1))), null,
                List.of(new org.ratebook.rules.fact.RedeemedCoupon(coupon, LocalDate.of(2026, 1, 15), 1)), List.of(),
                usage);
    }

    // ---------------------------------------------------------------- files

    /** The pack's files, relative path → content, as they would live in git. */
    public static Map<String, String> files(int variant) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pack.properties", """
                # Generated benchmark pack, variant %d: 300 plans, 10 coupons, 300 rules.
                name=generated-%d
                catalog.plans=catalog/plans.csv
                rules=rules/pricing.drl,rules/pricing-coupons.drl,rules/tax.drl
                """.formatted(variant, variant));
        files.put("catalog/plans.csv", plansCsv(variant));
        files.put("rules/pricing.drl", pricingDrl());
        files.put("rules/pricing-coupons.drl", couponDrl());
        files.put("rules/tax.drl", taxDrl());
        return files;
    }

    /** Writes variant {@code variant} into {@code folder} (created if needed) and returns the folder. */
    public static Path writeTo(Path folder, int variant) {
        try {
            for (Map.Entry<String, String> file : files(variant).entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Variant {@code variant} read through {@link RulePackLoader}, as a published pack would be. */
    public static RulePack load(Path folder, int version) {
        return RulePackLoader.fromDirectory(folder, version);
    }

    /** Writes the variant to a fresh temporary folder, loads it and deletes the folder. */
    public static RulePack pack(int variant) {
        try {
            Path folder = Files.createTempDirectory("ratebook-pack-" + variant + "-");
            try {
                return load(writeTo(folder, variant), 1);
            } finally {
                deleteRecursively(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---------------------------------------------------------------- questions

    public static Country country(String code) {
        return TERRITORIES.stream().flatMap(t -> t.countries().stream())
                .filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    public static Territory territoryOf(String countryCode) {
        return TERRITORIES.stream().filter(t -> t.countries().stream().anyMatch(c -> c.code().equals(countryCode)))
                .findFirst().orElseThrow();
    }

    public static List<Country> countries() {
        return TERRITORIES.stream().flatMap(t -> t.countries().stream()).toList();
    }

    /**
     * The {@code n}-th typical invoice: one flat subscription (quantity 1), three per-seat subscriptions of
     * other families, and the coupon of the account's territory, for an account in the n-th country (mod 30),
     * invoiced on 1 March 2026 for March. Five lines, each taxed.
     */
    public static InvoiceQuestion typicalInvoice(int n) {
        List<Country> countries = countries();
        Country country = countries.get(Math.floorMod(n, countries.size()));
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 4, 1);
        return invoice(n, country.code(), from, to);
    }

    public static InvoiceQuestion invoice(int n, String countryCode, LocalDate from, LocalDate to) {
        String account = "acc-" + n;
        List<SubscriptionPeriod> periods = new ArrayList<>();
        int f = Math.floorMod(n * 7, FAMILIES.size());
        periods.add(new SubscriptionPeriod(account + "-flat",
                planCode(FAMILIES.get(f), TIERS.get(Math.floorMod(n, TIERS.size())), BillingPeriod.MONTHLY),
                1, CURRENCY, from, to));
        int[] seats = {5, 12, 3};
        for (int i = 0; i < 3; i++) {
            String family = FAMILIES.get((f + 1 + i * 5) % FAMILIES.size());
            String tier = TIERS.get(Math.floorMod(n + i + 1, TIERS.size()));
            periods.add(new SubscriptionPeriod(account + "-seats-" + (i + 1),
                    planCode(family, tier, BillingPeriod.MONTHLY), seats[i] + Math.floorMod(n, 4), CURRENCY,
                    from, to));
        }
        periods.add(new SubscriptionPeriod(account + "-coupon", couponCode(territoryOf(countryCode)), 1, CURRENCY,
                from, to));
        return new InvoiceQuestion(new BillingAccount(account, CURRENCY, countryCode), from, periods);
    }
}
