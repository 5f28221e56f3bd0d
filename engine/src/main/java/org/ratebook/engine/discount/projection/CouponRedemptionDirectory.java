package org.ratebook.engine.discount.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.util.Optional;

/** Looks up an account's redemption of a coupon code; another tenant's is not found. */
public interface CouponRedemptionDirectory {
    Optional<CouponRedemptionView> find(TenantId tenant, AccountId account, String code);
}
