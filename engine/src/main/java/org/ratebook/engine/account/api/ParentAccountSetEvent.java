package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** The account has a parent from now on; {@code invoiceParent}: its charges go on the parent's invoices. */
@Revision("1")
public record ParentAccountSetEvent(TenantId tenantId, AccountId accountId, AccountId parentAccountId,
                                    boolean invoiceParent, LocalDate setOn) {
}
