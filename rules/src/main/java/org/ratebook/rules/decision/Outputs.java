package org.ratebook.rules.decision;

import org.ratebook.rules.pack.RuleCategory;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which output each rule category writes to: one DRL global per category, of its own type, so that a rule can
 * only decide what its category decides ("a tax rule cannot create a recurring charge"). The validator and the
 * decision service both read this table.
 *
 * <pre>
 * category     global                          methods
 * PRICING      PricingOutput pricing           recurring, fixed, oneOff, buyFrom, keepSignedPrice(ForMonths)
 * CHANGE       ChangeOutput change             takeEffect, prorate
 * OVERAGE      RatingOutput rating             usage, spike
 * DISCOUNT     DiscountOutput discount         percent, fixed, coupon
 * TAX          TaxOutput tax                   rate, at, reverseCharge, exempt
 * SUSPENSION   StandingOutput standing         becomes, thresholdReached
 * </pre>
 *
 * Packs written before the split declare {@code global Decisions decisions;} (pack format 1); {@link Decisions}
 * is kept as a deprecated adapter so their recorded content, and its hash, still compile and decide the same,
 * but each category may call only its own methods through it as well ({@link #legacyMethods}).
 */
public final class Outputs {

    /** The legacy global of pack format 1. */
    public static final String LEGACY_GLOBAL = "decisions";

    /** One category's output. */
    public record Output(RuleCategory category, String global, Class<?> type) {
        public List<String> methods() {
            return Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())
                            && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                    .map(java.lang.reflect.Method::getName).distinct().sorted().toList();
        }
    }

    private static final Map<RuleCategory, Output> OUTPUTS = new EnumMap<>(Map.of(
            RuleCategory.PRICING, new Output(RuleCategory.PRICING, "pricing", PricingOutput.class),
            RuleCategory.CHANGE, new Output(RuleCategory.CHANGE, "change", ChangeOutput.class),
            RuleCategory.OVERAGE, new Output(RuleCategory.OVERAGE, "rating", RatingOutput.class),
            RuleCategory.DISCOUNT, new Output(RuleCategory.DISCOUNT, "discount", DiscountOutput.class),
            RuleCategory.TAX, new Output(RuleCategory.TAX, "tax", TaxOutput.class),
            RuleCategory.SUSPENSION, new Output(RuleCategory.SUSPENSION, "standing", StandingOutput.class)));

    /** What each legacy {@code decisions.x(...)} method decides, for messages: "create a recurring charge". */
    private static final Map<String, String> LEGACY_WHAT = Map.ofEntries(
            Map.entry("recurring", "create a recurring charge"),
            Map.entry("fixed", "create a fixed charge"),
            Map.entry("oneOff", "bill a one-off charge"),
            Map.entry("buyFrom", "choose a price list"),
            Map.entry("keepSignedPrice", "keep a signed-up price"),
            Map.entry("keepSignedPriceForMonths", "keep a signed-up price"),
            Map.entry("takeEffect", "time a plan change"),
            Map.entry("usage", "rate usage"),
            Map.entry("spike", "flag a usage spike"),
            Map.entry("discountPercent", "give a discount"),
            Map.entry("discountFixed", "give a discount"),
            Map.entry("coupon", "apply a coupon"),
            Map.entry("tax", "tax a charge"),
            Map.entry("taxAt", "tax a charge"),
            Map.entry("reverseCharge", "tax a charge"),
            Map.entry("exempt", "tax a charge"),
            Map.entry("standing", "decide an account's standing"),
            Map.entry("thresholdReached", "decide an account's standing"));

    private static final Map<String, RuleCategory> LEGACY_CATEGORY = Map.ofEntries(
            Map.entry("recurring", RuleCategory.PRICING),
            Map.entry("fixed", RuleCategory.PRICING),
            Map.entry("oneOff", RuleCategory.PRICING),
            Map.entry("buyFrom", RuleCategory.PRICING),
            Map.entry("keepSignedPrice", RuleCategory.PRICING),
            Map.entry("keepSignedPriceForMonths", RuleCategory.PRICING),
            Map.entry("takeEffect", RuleCategory.CHANGE),
            Map.entry("usage", RuleCategory.OVERAGE),
            Map.entry("spike", RuleCategory.OVERAGE),
            Map.entry("discountPercent", RuleCategory.DISCOUNT),
            Map.entry("discountFixed", RuleCategory.DISCOUNT),
            Map.entry("coupon", RuleCategory.DISCOUNT),
            Map.entry("tax", RuleCategory.TAX),
            Map.entry("taxAt", RuleCategory.TAX),
            Map.entry("reverseCharge", RuleCategory.TAX),
            Map.entry("exempt", RuleCategory.TAX),
            Map.entry("standing", RuleCategory.SUSPENSION),
            Map.entry("thresholdReached", RuleCategory.SUSPENSION));

    private Outputs() {
    }

    public static Output of(RuleCategory category) {
        return OUTPUTS.get(category);
    }

    public static List<Output> all() {
        return List.copyOf(OUTPUTS.values());
    }

    /** The output whose global is {@code name}. */
    public static Optional<Output> byGlobal(String name) {
        return OUTPUTS.values().stream().filter(o -> o.global().equals(name)).findFirst();
    }

    /** The categories whose rules may call a legacy method: its own, and PRICING for the change policy. */
    public static boolean legacyAllowed(RuleCategory fileCategory, String method) {
        RuleCategory owner = LEGACY_CATEGORY.get(method);
        // before the manifest the change policy could only live in a pricing file (pricing-changes.drl)
        return owner == fileCategory || (owner == RuleCategory.CHANGE && fileCategory == RuleCategory.PRICING);
    }

    /** The category a legacy method belongs to, if it is one. */
    public static Optional<RuleCategory> legacyCategory(String method) {
        return Optional.ofNullable(LEGACY_CATEGORY.get(method));
    }

    /** The legacy methods of {@link Decisions}, sorted. */
    public static List<String> legacyMethods() {
        return LEGACY_CATEGORY.keySet().stream().sorted().toList();
    }

    /** What a method decides, in words: "create a recurring charge". */
    public static String whatItDecides(String method) {
        String legacy = LEGACY_WHAT.get(method);
        if (legacy != null) {
            return legacy;
        }
        return switch (method) {
            case "rate", "at" -> "tax a charge";
            case "percent" -> "give a discount";
            case "becomes" -> "decide an account's standing";
            default -> "call " + method;
        };
    }

    /** What a method of another category's output decides, for a message: the method's own category words. */
    public static String whatItDecides(Output output, String method) {
        if (output.category() == RuleCategory.PRICING && method.equals("fixed")) {
            return "create a fixed charge";
        }
        if (output.category() == RuleCategory.DISCOUNT && method.equals("fixed")) {
            return "give a discount";
        }
        return whatItDecides(method);
    }
}
