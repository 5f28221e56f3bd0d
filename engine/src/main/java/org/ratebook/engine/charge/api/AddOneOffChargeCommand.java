package org.ratebook.engine.charge.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Charge an account once: {@code quantity} × {@code unitPrice} in the account's currency, on the invoice of
 * {@code chargeOn} (today if null). {@code reference} is the caller's id for it: sending it again adds nothing.
 */
public record AddOneOffChargeCommand(TenantId tenantId, @TargetAggregateIdentifier UUID chargeId, String reference,
                                     AccountId accountId, String description, BigDecimal quantity,
                                     BigDecimal unitPrice, String currency, LocalDate chargeOn) {

    /** The same id for the same (tenant, reference), so a repeat collides instead of charging twice. */
    public static UUID idOf(TenantId tenant, String reference) {
        return UUID.nameUUIDFromBytes(("one-off|" + tenant.value() + "|" + reference)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
