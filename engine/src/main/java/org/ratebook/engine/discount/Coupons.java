package org.ratebook.engine.discount;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.discount.api.CouponRedemptionId;
import org.ratebook.engine.discount.api.RedeemCouponCommand;
import org.ratebook.engine.discount.domain.InvalidCouponException;
import org.ratebook.engine.discount.projection.CouponRedemptionView;
import org.ratebook.engine.discount.projection.CouponRedemptions;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.List;

/** Redeeming coupons and reading an account's redemptions: what the API and the console call. */
@Component
public class Coupons {

    private final CommandGateway commands;
    private final CouponRedemptions redemptions;

    public Coupons(CommandGateway commands, CouponRedemptions redemptions) {
        this.commands = commands;
        this.redemptions = redemptions;
    }

    /**
     * Redeems {@code code} for the account; refused with a reason ({@link InvalidCouponException}) if the code is
     * unknown, expired, in another currency or already redeemed by the account (also when a concurrent request
     * redeemed it a moment earlier: both target the same redemption id, and the second collides).
     */
    public CouponRedemptionView redeem(TenantId tenant, AccountId account, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidCouponException("a coupon code is needed");
        }
        try {
            commands.sendAndWait(new RedeemCouponCommand(tenant, CouponRedemptionId.of(tenant, account, code), account,
                    code));
        } catch (RuntimeException e) {
            if (collided(e)) {
                throw new InvalidCouponException("the account has already redeemed coupon " + code.strip());
            }
            throw e;
        }
        return redemptions.find(tenant, account, code).orElseThrow();
    }

    /** The redemption's first event collided with one already stored under the same id (as in BillingRun). */
    private static boolean collided(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException
                    || (t instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public List<CouponRedemptionView> redeemed(TenantId tenant, AccountId account) {
        return redemptions.of(tenant, account);
    }
}
