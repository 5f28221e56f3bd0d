package org.ratebook.engine.discount.api;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** A redemption's id, derived from (tenant, account, code): the same coupon for the same account is one id. */
public record CouponRedemptionId(UUID value) {

    public static CouponRedemptionId of(TenantId tenant, AccountId account, String code) {
        String key = "coupon-redemption|" + tenant.value() + "|" + account.value() + "|"
                + code.strip().toUpperCase(Locale.ROOT);
        return new CouponRedemptionId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
