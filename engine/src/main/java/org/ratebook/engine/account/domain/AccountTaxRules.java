package org.ratebook.engine.account.domain;

import org.ratebook.engine.account.api.TaxDetails;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What tax details an account may have. A tax id is only "valid" if it is there and, for a customer in an EU
 * member state, looks like that state's VAT id (its prefix, then 2 to 12 letters or digits); whether it is
 * registered is the tenant's check (e.g. VIES), which Ratebook cannot make without a network. An exempt
 * account must say why: the reason is printed on every invoice.
 */
final class AccountTaxRules {

    /** VAT id prefixes of the EU member states, by ISO country (Greece uses EL). */
    private static final Map<String, String> EU_VAT_PREFIXES = Map.ofEntries(
            Map.entry("AT", "AT"), Map.entry("BE", "BE"), Map.entry("BG", "BG"), Map.entry("CY", "CY"),
            Map.entry("CZ", "CZ"), Map.entry("DE", "DE"), Map.entry("DK", "DK"), Map.entry("EE", "EE"),
            Map.entry("ES", "ES"), Map.entry("FI", "FI"), Map.entry("FR", "FR"), Map.entry("GR", "EL"),
            Map.entry("HR", "HR"), Map.entry("HU", "HU"), Map.entry("IE", "IE"), Map.entry("IT", "IT"),
            Map.entry("LT", "LT"), Map.entry("LU", "LU"), Map.entry("LV", "LV"), Map.entry("MT", "MT"),
            Map.entry("NL", "NL"), Map.entry("PL", "PL"), Map.entry("PT", "PT"), Map.entry("RO", "RO"),
            Map.entry("SE", "SE"), Map.entry("SI", "SI"), Map.entry("SK", "SK"));

    private static final Pattern REGION = Pattern.compile("[A-Z0-9-]{1,10}");

    private AccountTaxRules() {
    }

    /** The details as stored: region upper-cased, blanks as null; refused with a reason if they cannot be. */
    static TaxDetails check(TaxDetails tax, String country, String taxId) {
        String region = tax.region() == null || tax.region().isBlank() ? null
                : tax.region().strip().toUpperCase(Locale.ROOT);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidAccountException("region must be a code such as CA or QC (ISO 3166-2 without the "
                    + "country), was '" + tax.region() + "'");
        }
        if (region != null && country == null) {
            throw new InvalidAccountException("a region needs the account's country");
        }
        String id = normalized(taxId);
        if (tax.taxIdValid()) {
            if (id == null) {
                throw new InvalidAccountException("taxIdValid needs a tax id");
            }
            String prefix = country == null ? null : EU_VAT_PREFIXES.get(country);
            if (prefix != null && !id.matches(prefix + "[0-9A-Z+*]{2,12}")) {
                throw new InvalidAccountException("'" + taxId + "' is not a VAT id of " + country + ": it must start "
                        + "with " + prefix + " followed by 2 to 12 letters or digits");
            }
        }
        String reason = tax.exemptionReason() == null || tax.exemptionReason().isBlank() ? null
                : tax.exemptionReason().strip();
        if (tax.taxExempt() && reason == null) {
            throw new InvalidAccountException("a tax-exempt account needs the reason for its exemption (e.g. a "
                    + "certificate number); it is printed on its invoices");
        }
        return new TaxDetails(region, tax.business(), tax.taxIdValid(), tax.taxExempt(),
                tax.taxExempt() ? reason : null);
    }

    /** A tax id without spaces or dots between its characters, upper-cased; null if blank. */
    static String normalized(String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        return taxId.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
    }
}
