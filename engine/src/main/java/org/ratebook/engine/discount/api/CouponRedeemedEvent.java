package org.ratebook.engine.discount.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.CouponDuration;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An account redeemed a coupon, with the coupon's terms as the pack in effect that day had them (kind, value,
 * currency, duration in periods, plans) and which pack version that was.
 */
@Revision("1")
public record CouponRedeemedEvent(TenantId tenantId, CouponRedemptionId redemptionId, AccountId accountId,
                                  String code, String kind, BigDecimal value, String currency, String duration,
                                  int periods, List<String> plans, LocalDate expiresOn, LocalDate redeemedOn,
                                  String packName, int packVersion) {

    public CouponRedeemedEvent {
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** The coupon as redeemed. */
    public Coupon coupon() {
        return new Coupon(code, DiscountKind.valueOf(kind), value, currency, CouponDuration.valueOf(duration), periods,
                plans, expiresOn);
    }
}
