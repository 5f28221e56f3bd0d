package org.ratebook.tenants;

import java.util.List;
import java.util.Locale;

/**
 * A business that bills its customers with Ratebook; name, address and tax id are printed as the seller.
 * {@code country} is where it is established for tax (null: not said).
 */
public record Tenant(TenantId id, String name, List<String> addressLines, String taxId, String country) {
    public Tenant {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a tenant's country is a two-letter ISO code, not '" + country + "'");
        }
    }

    /** A tenant that has not said where it is established. */
    public Tenant(TenantId id, String name, List<String> addressLines, String taxId) {
        this(id, name, addressLines, taxId, null);
    }

    /**
     * The country the tenant is taxed in: the one it gave, else the prefix of an EU-style VAT id (Greece's EL
     * is GR), else null.
     */
    public String taxCountry() {
        if (country != null) {
            return country;
        }
        if (taxId != null && taxId.strip().matches("[A-Za-z]{2}[0-9A-Za-z+*]{2,13}")) {
            String prefix = taxId.strip().substring(0, 2).toUpperCase(Locale.ROOT);
            return prefix.equals("EL") ? "GR" : prefix;
        }
        return null;
    }
}
