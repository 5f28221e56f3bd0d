package org.ratebook.engine.account.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * An account was opened. {@code billCycleDay} 0 means "the day the first subscription starts". {@code segment}
 * is its customer segment (null: none; events from before segments existed have none).
 */
@Revision("1")
public record AccountCreatedEvent(TenantId tenantId, AccountId accountId, String name, String email,
                                  String currency, String country, String timeZone, int billCycleDay,
                                  List<String> addressLines, String taxId, LocalDate createdOn, String segment) {

    public AccountCreatedEvent(TenantId tenantId, AccountId accountId, String name, String email, String currency,
                               String country, String timeZone, int billCycleDay, List<String> addressLines,
                               String taxId, LocalDate createdOn) {
        this(tenantId, accountId, name, email, currency, country, timeZone, billCycleDay, addressLines, taxId,
                createdOn, null);
    }
}
