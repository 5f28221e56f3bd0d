package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Credit was given to the account by hand on {@code givenOn} (the account's calendar day), for {@code reason}, by
 * {@code by}. It adds to the account's credit, which later invoices use ("Account credit used").
 */
@Revision("1")
public record AccountCreditGivenEvent(TenantId tenantId, AccountId accountId, String creditId, BigDecimal amount,
                                      String currency, String reason, LocalDate givenOn, String by) {
}
