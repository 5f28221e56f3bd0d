package org.ratebook.rules.pack;

import java.util.Locale;

/**
 * What a DRL source decides. An invoice question is answered in the order pricing → overage → discount → tax;
 * the change policy answers when a plan change takes effect and suspension where an account stands, each on
 * its own. Each category writes to its own output (see {@code org.ratebook.rules.decision.Outputs}) and may
 * call nothing else.
 */
public enum RuleCategory {
    PRICING("pricing rule"),
    OVERAGE("usage-rating (overage) rule"),
    DISCOUNT("discount rule"),
    TAX("tax rule"),
    SUSPENSION("suspension rule"),
    /** The change policy: when a plan change asked for without a date takes effect. */
    CHANGE("change-policy rule");

    private final String ruleWords;

    RuleCategory(String ruleWords) {
        this.ruleWords = ruleWords;
    }

    /** "a tax rule": how a message names a rule of this category. */
    public String aRule() {
        return "a " + ruleWords;
    }

    /** The category's word in a file name or the manifest: pricing, overage, discount, tax, suspension, change. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The category named by a DRL file name's first word: {@code tax.drl}, {@code tax-eu.drl} → TAX. This is the
     * default when a pack's manifest does not name the file's category; {@code pricing-changes.drl} is PRICING
     * by this rule, which is why the manifest exists.
     */
    public static RuleCategory ofFileName(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        String word = base.split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
        try {
            return valueOf(word);
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException("DRL file '" + fileName + "' must start with a category "
                    + "(pricing, change, overage, discount, tax or suspension), e.g. tax-eu.drl, or be listed "
                    + "under its category in pack.properties, e.g. rules.tax=" + fileName);
        }
    }

    /** The category a manifest names ({@code rules.tax=…}): its word, in any case. */
    public static RuleCategory ofWord(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException("'" + word + "' is not a rule category: use pricing, change, overage, "
                    + "discount, tax or suspension");
        }
    }
}
