package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One credit given ({@code GIVEN}, positive amount) or taken back ({@code TAKEN}, negative amount) by hand on an
 * account, as the account's page lists them.
 */
public record CreditEntryView(String creditId, UUID accountId, String kind, BigDecimal amount, String currency,
                              String reason, LocalDate on, String by) {
}
