package org.ratebook.engine.account.projection;

import org.ratebook.engine.account.api.AccountId;

import java.time.LocalDate;
import java.util.List;

/** An account as read. {@code billCycleDay} 0: not fixed yet, the first subscription's start day applies. */
public record AccountView(AccountId accountId, String name, String email, String currency, String country,
                          String timeZone, int billCycleDay, List<String> addressLines, String taxId,
                          LocalDate createdOn) {
    public AccountView {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
