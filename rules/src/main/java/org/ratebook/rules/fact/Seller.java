package org.ratebook.rules.fact;

/**
 * The tenant issuing the invoice, as tax rules see it: the country it is established in and its tax id.
 * {@code country} is null when the tenant has not said where it is established.
 */
public record Seller(String country, String taxId) {
}
