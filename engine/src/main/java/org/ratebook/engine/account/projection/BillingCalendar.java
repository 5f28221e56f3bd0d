package org.ratebook.engine.account.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one billing calendar: the day it is for an account is the tenant's clock (a sandbox's test clock too) read
 * in the account's time zone, so a payment, a refund, a void or a credit note made just after midnight UTC is
 * dated on the same calendar day as that account's invoices. An account that cannot be found is read in UTC.
 */
@Component
public class BillingCalendar {

    private final TenantClocks clocks;
    private final AccountDirectory accounts;

    public BillingCalendar(TenantClocks clocks, AccountDirectory accounts) {
        this.clocks = clocks;
        this.accounts = accounts;
    }

    /** Today for {@code account}, by its tenant's clock and in its own time zone. */
    public LocalDate today(TenantId tenant, AccountId account) {
        ZoneId zone = accounts.find(tenant, account).map(a -> ZoneId.of(a.timeZone())).orElse(java.time.ZoneOffset.UTC);
        return LocalDate.ofInstant(clocks.of(tenant).instant(), zone);
    }
}
