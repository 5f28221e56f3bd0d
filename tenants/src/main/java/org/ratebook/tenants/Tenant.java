package org.ratebook.tenants;

import java.util.List;

/** A business that bills its customers with Ratebook; name, address and tax id are printed as the seller. */
public record Tenant(TenantId id, String name, List<String> addressLines, String taxId) {
    public Tenant {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
