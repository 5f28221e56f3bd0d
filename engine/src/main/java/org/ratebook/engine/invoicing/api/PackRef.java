package org.ratebook.engine.invoicing.api;

/** Which rule pack priced an invoice: the tenant's version number and the content hash. */
public record PackRef(String name, int version, String hash) {
}
