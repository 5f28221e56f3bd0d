package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit note {@code number} was issued against an invoice: {@code appliedToInvoice} reduces what the invoice
 * still asks for, {@code toAccountCredit} (what had already been paid) becomes account credit for later invoices.
 * {@code taxes} is the tax it gives back per tax of the invoice, decided when it was issued (revision 2); events
 * of revision 1 have none, and their split is worked out as it always was (see {@code CreditNoteTaxes}).
 * {@code adjustedLine} (revision 3) is the number of the invoice line the credit note adjusts (an item adjustment:
 * its one tax is that line's); null for a credit note on the invoice as a whole.
 */
@Revision("3")
public record CreditNoteIssuedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String reference,
                                    String number, BigDecimal amount, BigDecimal appliedToInvoice,
                                    BigDecimal toAccountCredit, BigDecimal balanceAfter, String currency,
                                    String reason, LocalDate issuedOn, List<CreditNoteTax> taxes,
                                    Integer adjustedLine) {

    /** A credit note on the invoice as a whole. */
    public CreditNoteIssuedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String reference,
                                 String number, BigDecimal amount, BigDecimal appliedToInvoice,
                                 BigDecimal toAccountCredit, BigDecimal balanceAfter, String currency,
                                 String reason, LocalDate issuedOn, List<CreditNoteTax> taxes) {
        this(tenantId, invoiceId, accountId, reference, number, amount, appliedToInvoice, toAccountCredit,
                balanceAfter, currency, reason, issuedOn, taxes, null);
    }
}
