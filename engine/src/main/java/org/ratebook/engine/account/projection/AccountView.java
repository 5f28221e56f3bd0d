package org.ratebook.engine.account.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.TaxDetails;

import java.time.LocalDate;
import java.util.List;

/**
 * An account as read. {@code billCycleDay} 0: not fixed yet, the first subscription's start day applies.
 * {@code tax} holds the tax details beyond country and tax id (none set: {@link TaxDetails#NONE});
 * {@code segment} the customer segment (null: none).
 */
public record AccountView(AccountId accountId, String name, String email, String currency, String country,
                          String timeZone, int billCycleDay, List<String> addressLines, String taxId,
                          LocalDate createdOn, TaxDetails tax, String segment) {
    public AccountView {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        tax = tax == null ? TaxDetails.NONE : tax;
    }

    public AccountView(AccountId accountId, String name, String email, String currency, String country,
                       String timeZone, int billCycleDay, List<String> addressLines, String taxId,
                       LocalDate createdOn, TaxDetails tax) {
        this(accountId, name, email, currency, country, timeZone, billCycleDay, addressLines, taxId, createdOn, tax,
                null);
    }

    public AccountView(AccountId accountId, String name, String email, String currency, String country,
                       String timeZone, int billCycleDay, List<String> addressLines, String taxId,
                       LocalDate createdOn) {
        this(accountId, name, email, currency, country, timeZone, billCycleDay, addressLines, taxId, createdOn, null);
    }

    /** Today for this account: the date in its time zone by {@code clock} (the tenant's clock). */
    public java.time.LocalDate today(java.time.Clock clock) {
        return java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of(timeZone)));
    }
}
