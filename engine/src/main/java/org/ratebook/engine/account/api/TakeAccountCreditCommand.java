package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;

/**
 * Take account credit back by hand (a manual debit: credit given by mistake, or paid out another way), with a
 * reason. Never more than the account holds: {@code creditHeld} is its credit in that currency, read before the
 * command is sent. {@code creditId} is the caller's id: sent again, nothing is taken twice.
 */
public record TakeAccountCreditCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId,
                                       String creditId, BigDecimal amount, String currency, String reason, String by,
                                       BigDecimal creditHeld) {
}
