package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Credit was taken back from the account by hand (a manual debit) on {@code takenOn}, for {@code reason}, by
 * {@code by}; never more than it held then.
 */
@Revision("1")
public record AccountCreditTakenEvent(TenantId tenantId, AccountId accountId, String creditId, BigDecimal amount,
                                      String currency, String reason, LocalDate takenOn, String by) {
}
