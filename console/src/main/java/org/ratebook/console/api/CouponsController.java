package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ratebook.console.api.ApiDtos.CouponRedemptionResponse;
import org.ratebook.console.api.ApiDtos.RedeemCouponRequest;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.discount.Coupons;
import org.ratebook.tenants.TenantId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/accounts/{accountId}/coupons")
@Tag(name = "Coupons", description = "Coupons an account redeemed, and how many billing periods each has used")
public class CouponsController {

    private final Coupons coupons;
    private final AccountDirectory accounts;

    public CouponsController(Coupons coupons, AccountDirectory accounts) {
        this.coupons = coupons;
        this.accounts = accounts;
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping
    @Operation(summary = "Redeem a coupon of the tenant's rule pack; 422 if it is unknown, expired, in another "
            + "currency or already redeemed by the account")
    public ResponseEntity<CouponRedemptionResponse> redeem(@PathVariable UUID accountId,
                                                           @Valid @RequestBody RedeemCouponRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        CouponRedemptionResponse redeemed = CouponRedemptionResponse.of(
                coupons.redeem(tenant, existing(tenant, accountId), body.code()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/coupons")).body(redeemed);
    }

    @RequiresScope(Scope.READ)
    @GetMapping
    @Operation(summary = "The account's coupons, oldest first, with the periods each has used and has left")
    public List<CouponRedemptionResponse> list(@PathVariable UUID accountId) {
        TenantId tenant = CurrentCaller.tenant();
        return coupons.redeemed(tenant, existing(tenant, accountId)).stream().map(CouponRedemptionResponse::of).toList();
    }

    private AccountId existing(TenantId tenant, UUID accountId) {
        AccountId id = new AccountId(accountId);
        if (accounts.find(tenant, id).isEmpty()) {
            throw new NotFoundException("account " + accountId + " does not exist");
        }
        return id;
    }
}
