package org.ratebook.rules.pack;

/**
 * A pack's tax settings ({@code pack.properties}): whether catalog prices already include tax
 * ({@code prices_include_tax}), and where tax is rounded ({@code tax_rounding=LINE|INVOICE}).
 */
public record TaxSettings(boolean pricesIncludeTax, TaxRounding taxRounding) {

    /** Prices before tax, tax rounded per line: what packs written before these settings do. */
    public static final TaxSettings DEFAULT = new TaxSettings(false, TaxRounding.LINE);

    public TaxSettings {
        taxRounding = taxRounding == null ? TaxRounding.LINE : taxRounding;
    }

    public boolean atDefaults() {
        return equals(DEFAULT);
    }
}
