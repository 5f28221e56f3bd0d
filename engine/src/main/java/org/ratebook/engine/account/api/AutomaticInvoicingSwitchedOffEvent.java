package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Automatic invoicing of the account was switched off on {@code switchedOffOn} (the account's calendar day):
 * billing runs hold its invoices until it is switched back on. {@code reason} may be null.
 */
@Revision("1")
public record AutomaticInvoicingSwitchedOffEvent(TenantId tenantId, AccountId accountId, LocalDate switchedOffOn,
                                                 String reason, String by) {
}
