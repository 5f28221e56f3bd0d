package org.ratebook.engine.invoicing.query;

import java.util.List;

/** Seller or buyer as printed on an invoice. */
public record Party(String name, List<String> addressLines, String taxId) {
    public Party {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
