package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * An account was put in customer segment {@code segment} (null: in none) on {@code changedOn}. Invoices decided
 * from then on see it; invoices issued before keep the prices they were issued with.
 */
@Revision("1")
public record AccountSegmentChangedEvent(TenantId tenantId, AccountId accountId, String segment,
                                         LocalDate changedOn) {
}
