package org.ratebook.engine.discount;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.discount.api.CouponRedemptionId;
import org.ratebook.engine.discount.api.RedeemCouponCommand;
import org.ratebook.engine.discount.domain.CouponRedemption;
import org.ratebook.engine.discount.domain.InvalidCouponException;
import org.ratebook.engine.discount.projection.CouponRedemptionDirectory;
import org.ratebook.engine.discount.projection.CouponRedemptionView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class CouponRedemptionTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
    private static final String COUPONS = """
            code,kind,value,currency,duration,plans,expires_on
            SPRING25,PERCENT,25,,3 periods,Pro;Starter,2026-03-31
            WINTER,PERCENT,10,,once,,2026-02-28
            TENOFF,FIXED,10.00,USD,forever,,
            """;

    private final AccountId account = AccountId.random();
    private final Map<String, CouponRedemptionView> redeemed = new HashMap<>();
    private AggregateTestFixture<CouponRedemption> fixture;

    @BeforeEach
    void setUp() {
        RulePack base = RulePackLoader.defaultPack();
        RulePack pack = new RulePack("with coupons", 4, base.plans(), base.sources(), base.dayCount(), base.rounding(),
                PackTables.of(Map.of(PackTables.COUPONS, COUPONS)), base.taxSettings());
        fixture = new AggregateTestFixture<>(CouponRedemption.class);
        fixture.registerInjectableResource((AccountDirectory) (tenant, id) -> tenant.equals(TENANT) && id.equals(account)
                ? Optional.of(new AccountView(id, "ACME", null, "EUR", "DE", "Europe/Berlin", 0, List.of(), null,
                LocalDate.of(2026, 1, 1))) : Optional.empty());
        fixture.registerInjectableResource((TenantPacks) (tenant, date) -> pack);
        fixture.registerInjectableResource((CouponRedemptionDirectory) (tenant, id, code) ->
                Optional.ofNullable(redeemed.get(code)));
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T10:00:00Z"), ZoneOffset.UTC);
        fixture.registerInjectableResource((TenantClocks) tenant -> clock);
    }

    private RedeemCouponCommand redeem(String code) {
        return new RedeemCouponCommand(TENANT, CouponRedemptionId.of(TENANT, account, code), account, code);
    }

    @Test
    void aCouponIsRedeemedWithItsTermsOnItsLastDay() {
        fixture.givenNoPriorActivity()
                .when(redeem("spring25"))
                .expectEvents(new CouponRedeemedEvent(TENANT, CouponRedemptionId.of(TENANT, account, "SPRING25"), account,
                        "SPRING25", "PERCENT", new BigDecimal("25"), null, "REPEATING", 3, List.of("Pro", "Starter"),
                        LocalDate.of(2026, 3, 31), TODAY, "with coupons", 4));
    }

    @Test
    void anExpiredCouponIsRefused() {
        fixture.givenNoPriorActivity().when(redeem("WINTER"))
                .expectException(InvalidCouponException.class)
                .expectExceptionMessage("coupon WINTER expired on 2026-02-28")
                .expectNoEvents();
    }

    @Test
    void anUnknownCouponIsRefused() {
        fixture.givenNoPriorActivity().when(redeem("FREEBEER"))
                .expectException(InvalidCouponException.class)
                .expectExceptionMessage("there is no coupon 'FREEBEER' in rule pack with coupons v4")
                .expectNoEvents();
    }

    @Test
    void aFixedAmountInAnotherCurrencyIsRefused() {
        fixture.givenNoPriorActivity().when(redeem("TENOFF"))
                .expectException(InvalidCouponException.class)
                .expectExceptionMessage("coupon TENOFF takes off USD; the account is billed in EUR")
                .expectNoEvents();
    }

    @Test
    void aCouponTheAccountRedeemedBeforeIsRefused() {
        RulePack pack = RulePackLoader.defaultPack();
        redeemed.put("SPRING25", new CouponRedemptionView(
                PackTables.of(Map.of(PackTables.COUPONS, COUPONS)).coupon("SPRING25").orElseThrow(),
                LocalDate.of(2026, 3, 1), pack.name(), 1, Set.of()));
        fixture.givenNoPriorActivity().when(redeem("SPRING25"))
                .expectException(InvalidCouponException.class)
                .expectExceptionMessage("the account redeemed coupon SPRING25 on 2026-03-01; a coupon is redeemed once "
                        + "per account")
                .expectNoEvents();
    }
}
