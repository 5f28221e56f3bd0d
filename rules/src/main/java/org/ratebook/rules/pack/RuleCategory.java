package org.ratebook.rules.pack;

import java.util.Locale;

/**
 * What a DRL source decides. The order of the constants is the order in which an invoice question is
 * answered: charges first, then overage and discounts on them, then tax on the result.
 */
public enum RuleCategory {
    PRICING,
    OVERAGE,
    DISCOUNT,
    TAX,
    SUSPENSION;

    /** The category named by a DRL file name's first word: {@code tax.drl}, {@code tax-eu.drl} → TAX. */
    public static RuleCategory ofFileName(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        String word = base.split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
        try {
            return valueOf(word);
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException("DRL file '" + fileName + "' must start with a category "
                    + "(pricing, overage, discount, tax or suspension), e.g. tax-eu.drl");
        }
    }
}
