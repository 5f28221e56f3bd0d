package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A credit note as read: what it took off its invoice, and what of it became account credit. */
public record CreditNoteView(String number, UUID invoiceId, String reference, BigDecimal amount,
                             BigDecimal appliedToInvoice, BigDecimal toAccountCredit, String currency, String reason,
                             LocalDate issuedOn) {
}
