package org.ratebook.engine.discount.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

/** Redeem a coupon of the tenant's rule pack for an account; its id is {@link CouponRedemptionId#of}. */
public record RedeemCouponCommand(TenantId tenantId, @TargetAggregateIdentifier CouponRedemptionId redemptionId,
                                  AccountId accountId, String code) {
}
