package org.ratebook.rules.pack;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.rating.ChargeRating;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.rules.time.DayCount;

import java.math.BigDecimal;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule pack's content: the catalog tables (plans; usage charges and their tiers), the other tables (tax
 * rates, coupons, discounts), the settings and the DRL sources. Name and version are how a tenant refers to it;
 * the content hash covers only what changes decisions (tables, settings and rules), so renaming or republishing
 * identical content reuses the compiled form. The billing alignment (which day periods start on) is a setting
 * like the day count.
 */
public record RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources,
                       DayCount dayCount, RoundingMode rounding, PackTables tables, TaxSettings taxSettings,
                       List<UsageCharge> usageCharges, List<UsageTier> usageTiers, BillingAlignment alignment) {

    public RulePack {
        plans = List.copyOf(plans);
        sources = List.copyOf(sources);
        dayCount = dayCount == null ? DayCount.ACTUAL : dayCount;
        rounding = rounding == null ? RoundingMode.HALF_UP : rounding;
        tables = tables == null ? PackTables.NONE : tables;
        taxSettings = taxSettings == null ? TaxSettings.DEFAULT : taxSettings;
        usageCharges = usageCharges == null ? List.of() : List.copyOf(usageCharges);
        usageTiers = usageTiers == null ? List.of() : List.copyOf(usageTiers);
        alignment = alignment == null ? BillingAlignment.DEFAULT : alignment;
        checkUsageTables(usageCharges, usageTiers);
        checkPriceLists(plans);
        checkAlignment(alignment, plans);
    }

    /** A pack with every table and setting but the billing alignment, which is the default (ACCOUNT). */
    public RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources,
                    DayCount dayCount, RoundingMode rounding, PackTables tables, TaxSettings taxSettings,
                    List<UsageCharge> usageCharges, List<UsageTier> usageTiers) {
        this(name, version, plans, sources, dayCount, rounding, tables, taxSettings, usageCharges, usageTiers,
                BillingAlignment.DEFAULT);
    }

    /** A pack with tax and discount tables and settings, without usage charges. */
    public RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources,
                    DayCount dayCount, RoundingMode rounding, PackTables tables, TaxSettings taxSettings) {
        this(name, version, plans, sources, dayCount, rounding, tables, taxSettings, List.of(), List.of());
    }

    /** A pack with usage charges, without other tables and with the default tax settings. */
    public RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources,
                    DayCount dayCount, RoundingMode rounding, List<UsageCharge> usageCharges,
                    List<UsageTier> usageTiers) {
        this(name, version, plans, sources, dayCount, rounding, PackTables.NONE, TaxSettings.DEFAULT, usageCharges,
                usageTiers);
    }

    /** A pack with no tables besides the catalog and the default tax settings. */
    public RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources,
                    DayCount dayCount, RoundingMode rounding) {
        this(name, version, plans, sources, dayCount, rounding, PackTables.NONE, TaxSettings.DEFAULT, List.of(),
                List.of());
    }

    /** A pack with the default settings: ACTUAL day count, amounts rounded half-up. */
    public RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources) {
        this(name, version, plans, sources, DayCount.ACTUAL, RoundingMode.HALF_UP);
    }

    /** The pack's money policy: amounts at the currency's scale, rounded by the pack's {@code rounding} setting. */
    public org.ratebook.rules.money.Rounding money() {
        return org.ratebook.rules.money.Rounding.of(rounding);
    }

    /**
     * The pack's phases of {@code code} in {@code currency}, in the order a subscription goes through them, as the
     * DEFAULT price list defines them (other lists only price the same phases differently).
     */
    public List<CatalogPlan> phases(String code, String currency) {
        return plans.stream().filter(p -> p.code().equals(code) && p.currency().equals(currency)
                        && p.inDefaultList())
                .sorted(Comparator.comparingInt(p -> PHASE_ORDER.indexOf(p.phase()) < 0
                        ? PHASE_ORDER.size() : PHASE_ORDER.indexOf(p.phase())))
                .toList();
    }

    /** One phase's price row in the DEFAULT price list. */
    public Optional<CatalogPlan> phase(String code, String phase, String currency) {
        return listPrice(code, phase, currency, CatalogPlan.DEFAULT_PRICE_LIST);
    }

    /** One phase's price row in {@code priceList}; empty when that list does not price it. */
    public Optional<CatalogPlan> listPrice(String code, String phase, String currency, String priceList) {
        return plans.stream().filter(p -> p.code().equals(code) && p.phase().equals(phase)
                && p.currency().equals(currency) && p.priceList().equals(priceList)).findFirst();
    }

    /** The DEFAULT price list's rows: the plans as the pricing rules see them. */
    public List<CatalogPlan> defaultListPlans() {
        return plans.stream().filter(CatalogPlan::inDefaultList).toList();
    }

    /** The price lists the catalog has, DEFAULT first. */
    public Set<String> priceLists() {
        Set<String> lists = new java.util.LinkedHashSet<>();
        lists.add(CatalogPlan.DEFAULT_PRICE_LIST);
        plans.stream().map(CatalogPlan::priceList).sorted().forEach(lists::add);
        return lists;
    }

    public boolean hasPriceList(String priceList) {
        return priceLists().contains(priceList);
    }

    /**
     * A price list other than DEFAULT only prices phases the DEFAULT list defines (same plan, phase and currency,
     * once per list), at the same billing period and mode: it changes prices, never what a plan is.
     */
    private static void checkPriceLists(List<CatalogPlan> plans) {
        Set<String> seen = new HashSet<>();
        for (CatalogPlan p : plans) {
            if (!seen.add(p.code() + "|" + p.phase() + "|" + p.currency() + "|" + p.priceList())) {
                throw new IllegalArgumentException("plan " + p.code() + " (" + p.phase() + ") has two " + p.currency()
                        + " prices in price list " + p.priceList());
            }
        }
        for (CatalogPlan p : plans) {
            if (p.inDefaultList()) {
                continue;
            }
            CatalogPlan base = plans.stream().filter(d -> d.inDefaultList() && d.code().equals(p.code())
                    && d.phase().equals(p.phase()) && d.currency().equals(p.currency())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("price list " + p.priceList() + " prices plan "
                            + p.code() + " (" + p.phase() + ") in " + p.currency() + ", which the DEFAULT price list "
                            + "does not have; a price list only gives the DEFAULT list's plans other prices"));
            if (base.period() != p.period() || base.mode() != p.mode()) {
                throw new IllegalArgumentException("price list " + p.priceList() + " bills plan " + p.code() + " ("
                        + p.phase() + ") " + p.period() + " " + p.mode() + ", the DEFAULT list " + base.period() + " "
                        + base.mode() + "; a price list only changes the price");
            }
        }
    }

    private static final List<String> PHASE_ORDER = List.of("trial", "discount", "fixedterm", CatalogPlan.EVERGREEN);

    /** The plan's last phase in {@code currency} (the evergreen one for most plans). */
    public Optional<CatalogPlan> plan(String code, String currency) {
        List<CatalogPlan> phases = phases(code, currency);
        return phases.isEmpty() ? Optional.empty() : Optional.of(phases.getLast());
    }

    public boolean hasPlan(String code) {
        return plans.stream().anyMatch(p -> p.code().equals(code));
    }

    public RulePack withVersion(int newVersion) {
        return new RulePack(name, newVersion, plans, sources, dayCount, rounding, tables, taxSettings, usageCharges,
                usageTiers, alignment);
    }

    /**
     * Every recurring plan can be billed under the alignment (calendar alignment needs periods the calendar has).
     *
     * @throws IllegalArgumentException naming the plan and why
     */
    public static void checkAlignment(BillingAlignment alignment, List<CatalogPlan> plans) {
        for (CatalogPlan p : plans) {
            String why = BillingCycle.unsupported(alignment, p.cadence());
            if (why != null) {
                throw new IllegalArgumentException("billing_alignment=" + alignment + " cannot bill plan " + p.code()
                        + " (" + p.phase() + ", " + p.cadence().label() + "): " + why);
            }
        }
    }

    /** The usage charges of a plan in a currency (one per meter). */
    public List<UsageCharge> usageCharges(String plan, String currency) {
        return usageCharges.stream().filter(c -> c.plan().equals(plan) && c.currency().equals(currency)).toList();
    }

    /**
     * Charge ids are unique, a plan prices a meter at most once per currency, every tier belongs to a charge,
     * and each charge's tiers fit its model (see {@link ChargeRating#ordered}).
     */
    private static void checkUsageTables(List<UsageCharge> charges, List<UsageTier> tiers) {
        Set<String> ids = new HashSet<>();
        Set<String> priced = new HashSet<>();
        for (UsageCharge c : charges) {
            if (!ids.add(c.charge())) {
                throw new IllegalArgumentException("usage charge id '" + c.charge() + "' appears twice");
            }
            if (!priced.add(c.plan() + "|" + c.meter() + "|" + c.currency())) {
                throw new IllegalArgumentException("plan " + c.plan() + " prices meter " + c.meter() + " in "
                        + c.currency() + " twice; give it one usage charge");
            }
            ChargeRating.ordered(c, tiers);
        }
        for (UsageTier t : tiers) {
            if (!ids.contains(t.charge())) {
                throw new IllegalArgumentException("a usage tier belongs to charge '" + t.charge()
                        + "', which the usage charge table does not have");
            }
        }
    }

    public List<DrlSource> sources(RuleCategory category) {
        return sources.stream().filter(s -> s.category() == category).toList();
    }

    /** SHA-256 over a canonical rendering of the catalog rows and the DRL sources, in a fixed order. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // settings and phase columns enter the hash only when not at their defaults, so packs written before
            // they existed keep their hash (and their compiled form, and the versions that name it)
            if (dayCount != DayCount.ACTUAL || rounding != RoundingMode.HALF_UP) {
                update(digest, "settings:" + dayCount + "|" + rounding);
            }
            // tables and tax settings likewise: only when present or not at their defaults
            if (alignment != BillingAlignment.DEFAULT) {
                update(digest, "billing-alignment:" + alignment);
            }
            if (!taxSettings.atDefaults()) {
                update(digest, "tax-settings:" + taxSettings.pricesIncludeTax() + "|" + taxSettings.taxRounding());
            }
            tables.texts().forEach((table, text) -> update(digest, "table:" + table + ":" + PackTables.canonical(text)));
            plans.stream()
                    .map(p -> String.join("|", p.code(), p.product(), p.currency(), p.price().toPlainString(),
                            p.cadence().label(), p.mode().name())
                            + (p.phase().equals(CatalogPlan.EVERGREEN) && p.duration() == null ? ""
                            : "|" + p.phase() + "|" + p.duration())
                            // price list and product type likewise: only when not DEFAULT / BASE
                            + (p.inDefaultList() ? "" : "|list:" + p.priceList())
                            + (p.productType() == ProductType.BASE ? "" : "|type:" + p.productType()))
                    .sorted()
                    .forEach(row -> update(digest, "plan:" + row));
            // usage tables enter the hash only when the pack has them, so packs without usage keep their hash
            usageCharges.stream()
                    .map(c -> join(c.charge(), c.name(), c.plan(), c.meter(), c.currency(), c.model().name(),
                            c.unitPrice(), c.packageSize(), c.freeUnits(), c.freeEvents() == 0 ? null
                                    : BigDecimal.valueOf(c.freeEvents()), c.percentage(), c.transactionFee(),
                            c.transactionMin(), c.transactionMax(), c.commitment(), c.markup()))
                    .sorted()
                    .forEach(row -> update(digest, "usage-charge:" + row));
            usageTiers.stream()
                    .map(t -> join(t.charge(), t.from(), t.to(), t.unitPrice(), t.flatFee(), t.packageSize(),
                            t.percentage()))
                    .sorted()
                    .forEach(row -> update(digest, "usage-tier:" + row));
            sources.stream()
                    .sorted(Comparator.comparing(DrlSource::category).thenComparing(DrlSource::name))
                    .forEach(s -> update(digest, "drl:" + s.category() + ":" + s.name() + ":" + s.text()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Cells as written (a decimal keeps its scale), empty for a blank cell. */
    private static String join(Object... cells) {
        return Stream.of(cells).map(c -> c == null ? "" : c instanceof BigDecimal d ? d.toPlainString()
                : Objects.toString(c)).collect(Collectors.joining("|"));
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
