package org.ratebook.engine.charge.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A one-off charge was entered; the billing run puts it on the account's invoice of {@code chargeOn}. */
@Revision("1")
public record OneOffChargeAddedEvent(TenantId tenantId, UUID chargeId, String reference, AccountId accountId,
                                     String description, BigDecimal quantity, BigDecimal unitPrice, String currency,
                                     LocalDate chargeOn, LocalDate enteredOn) {
}
