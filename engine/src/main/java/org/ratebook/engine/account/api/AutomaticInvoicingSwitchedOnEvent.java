package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Automatic invoicing of the account was switched back on on {@code switchedOnOn} (the account's calendar day):
 * what the runs held while it was off goes on the account's invoice of that day.
 */
@Revision("1")
public record AutomaticInvoicingSwitchedOnEvent(TenantId tenantId, AccountId accountId, LocalDate switchedOnOn,
                                                String by) {
}
