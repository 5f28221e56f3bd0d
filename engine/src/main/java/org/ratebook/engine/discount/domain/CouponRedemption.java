package org.ratebook.engine.discount.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.discount.api.CouponRedemptionId;
import org.ratebook.engine.discount.api.RedeemCouponCommand;
import org.ratebook.engine.discount.projection.CouponRedemptionDirectory;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantClocks;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One account's redemption of one coupon code. Decides whether the code can be redeemed today: the pack in
 * effect has it, it has not expired (its expiry day still counts), a fixed amount is in the account's
 * currency, and the account has not redeemed it before.
 */
@Aggregate
public class CouponRedemption {

    @AggregateIdentifier
    private CouponRedemptionId redemptionId;

    protected CouponRedemption() {
    }

    @CommandHandler
    public CouponRedemption(RedeemCouponCommand command, AccountDirectory accounts, TenantPacks packs,
                            CouponRedemptionDirectory redemptions, TenantClocks clocks) {
        if (command.code() == null || command.code().isBlank()) {
            throw new InvalidCouponException("a coupon code is needed");
        }
        if (!CouponRedemptionId.of(command.tenantId(), command.accountId(), command.code())
                .equals(command.redemptionId())) {
            throw new IllegalArgumentException("a redemption's id is derived from tenant, account and code");
        }
        AccountView account = accounts.find(command.tenantId(), command.accountId())
                .orElseThrow(() -> new NotFoundException("account " + command.accountId() + " does not exist"));
        LocalDate today = account.today(clocks.of(command.tenantId()));
        RulePack pack = packs.inEffect(command.tenantId(), today);
        Coupon coupon = pack.tables().coupon(command.code()).orElseThrow(() -> new InvalidCouponException(
                "there is no coupon '" + command.code().strip() + "' in rule pack " + pack.name() + " v"
                        + pack.version()));
        if (!coupon.redeemableOn(today)) {
            throw new InvalidCouponException("coupon " + coupon.code() + " expired on " + coupon.expiresOn());
        }
        if (coupon.kind() == DiscountKind.FIXED && !coupon.currency().equals(account.currency())) {
            throw new InvalidCouponException("coupon " + coupon.code() + " takes off " + coupon.currency()
                    + "; the account is billed in " + account.currency());
        }
        redemptions.find(command.tenantId(), command.accountId(), coupon.code()).ifPresent(r -> {
            throw new InvalidCouponException("the account redeemed coupon " + coupon.code() + " on "
                    + r.redeemedOn() + "; a coupon is redeemed once per account");
        });
        apply(new CouponRedeemedEvent(command.tenantId(), command.redemptionId(), command.accountId(), coupon.code(),
                coupon.kind().name(), coupon.value(), coupon.currency(), coupon.duration().name(), coupon.periods(),
                coupon.plans(), coupon.expiresOn(), today, pack.name(), pack.version()));
    }

    @EventSourcingHandler
    void on(CouponRedeemedEvent event) {
        redemptionId = event.redemptionId();
    }
}
