package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit note as read: what it took off its invoice, what of it became account credit, and the tax it gave back
 * per rate as decided at issue ({@code taxes}; null for credit notes issued before that was stored), and for an
 * item adjustment the number of the line it adjusts ({@code adjustedLine}; null for the invoice as a whole).
 */
public record CreditNoteView(String number, UUID invoiceId, String reference, BigDecimal amount,
                             BigDecimal appliedToInvoice, BigDecimal toAccountCredit, String currency, String reason,
                             LocalDate issuedOn, List<TaxSubtotal> taxes, Integer adjustedLine) {

    /** A credit note on the invoice as a whole. */
    public CreditNoteView(String number, UUID invoiceId, String reference, BigDecimal amount,
                          BigDecimal appliedToInvoice, BigDecimal toAccountCredit, String currency, String reason,
                          LocalDate issuedOn, List<TaxSubtotal> taxes) {
        this(number, invoiceId, reference, amount, appliedToInvoice, toAccountCredit, currency, reason, issuedOn,
                taxes, null);
    }

    /** A credit note whose tax split is not stored (issued before it was: event revision 1). */
    public CreditNoteView(String number, UUID invoiceId, String reference, BigDecimal amount,
                          BigDecimal appliedToInvoice, BigDecimal toAccountCredit, String currency, String reason,
                          LocalDate issuedOn) {
        this(number, invoiceId, reference, amount, appliedToInvoice, toAccountCredit, currency, reason, issuedOn,
                null, null);
    }
}
