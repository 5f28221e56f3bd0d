package org.ratebook.rules.decision;

import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsagePeriod;

import java.time.LocalDate;
import java.util.List;

/**
 * What is due for one account on a target date: the periods to invoice, who sells (null: unknown, for tax
 * rules that do not need it), the coupons the account has redeemed, the one-off charges due, and the usage
 * periods to rate (usage is billed in arrear, so these ended on or before the date).
 */
public record InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                              Seller seller, List<RedeemedCoupon> coupons, List<OneOffCharge> oneOffs,
                              List<UsagePeriod> usage) {
    public InvoiceQuestion {
        periods = List.copyOf(periods);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        oneOffs = oneOffs == null ? List.of() : List.copyOf(oneOffs);
        usage = usage == null ? List.of() : List.copyOf(usage);
    }

    /** A question without usage. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                           Seller seller, List<RedeemedCoupon> coupons, List<OneOffCharge> oneOffs) {
        this(account, targetDate, periods, seller, coupons, oneOffs, List.of());
    }

    /** A question without one-off charges and usage. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                           Seller seller, List<RedeemedCoupon> coupons) {
        this(account, targetDate, periods, seller, coupons, List.of(), List.of());
    }

    /** A question with usage only besides the periods. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods,
                           List<UsagePeriod> usage) {
        this(account, targetDate, periods, null, List.of(), List.of(), usage);
    }

    /** A question with no seller details, no coupons, no one-off charges and no usage. */
    public InvoiceQuestion(BillingAccount account, LocalDate targetDate, List<SubscriptionPeriod> periods) {
        this(account, targetDate, periods, null, List.of(), List.of(), List.of());
    }
}
