package org.ratebook.engine.billing;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.discount.projection.CouponRedemptionView;
import org.ratebook.engine.discount.projection.CouponRedemptions;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.Seller;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The facts a billing question needs for tax and discounts: the customer with its tax details, the seller's
 * country and tax id, and the coupons the customer has redeemed with the periods each has used.
 */
@Component
public class TaxAndDiscountFacts {

    private final CouponRedemptions redemptions;

    TaxAndDiscountFacts(CouponRedemptions redemptions) {
        this.redemptions = redemptions;
    }

    public static BillingAccount customer(AccountView account) {
        TaxDetails tax = account.tax();
        return new BillingAccount(account.accountId().toString(), account.currency(), account.country(), tax.region(),
                tax.business(), account.taxId(), tax.taxIdValid(), tax.taxExempt(), tax.exemptionReason(),
                account.segment());
    }

    public static Seller seller(Tenant tenant) {
        return new Seller(tenant.taxCountry(), tenant.taxId());
    }

    /** What one billing run has issued so far, so that its later invoices count the coupons its earlier ones used. */
    Run newRun() {
        return new Run();
    }

    final class Run {

        /** account|code → invoices of this run that carry a discount of that coupon */
        private final Map<String, Set<UUID>> issued = new HashMap<>();

        /**
         * The coupons the account redeemed on or before {@code invoiceDate}, each with the periods it has used: the
         * invoices the read model shows, and those this run issued, which it may not show yet.
         */
        List<RedeemedCoupon> coupons(TenantId tenant, AccountId account, LocalDate invoiceDate) {
            return redemptions.of(tenant, account).stream()
                    .filter(r -> !r.redeemedOn().isAfter(invoiceDate))
                    .map(r -> new RedeemedCoupon(r.coupon(), r.redeemedOn(), used(account, r)))
                    .toList();
        }

        private int used(AccountId account, CouponRedemptionView redemption) {
            Set<UUID> invoices = new HashSet<>(redemption.discountedInvoices());
            invoices.addAll(issued.getOrDefault(account + "|" + redemption.coupon().code(), Set.of()));
            return invoices.size();
        }

        /** Records the coupons an invoice of this run carries (issued now, or found issued by another run). */
        void issued(InvoiceId invoice, AccountId account, List<InvoiceLine> lines) {
            lines.stream().filter(l -> l.coupon() != null).forEach(l ->
                    issued.computeIfAbsent(account + "|" + l.coupon(), k -> new HashSet<>()).add(invoice.value()));
        }
    }
}
