package org.ratebook.engine.billing;

import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one billing run did: the invoices it issued, how many were already issued by an earlier run, and the
 * due periods it could not price (each with a reason a person can act on).
 */
public record BillingRunResult(TenantId tenantId, LocalDate targetDate, List<UUID> issued, int alreadyInvoiced,
                               List<String> problems) {
    public BillingRunResult {
        issued = List.copyOf(issued);
        problems = List.copyOf(problems);
    }
}
