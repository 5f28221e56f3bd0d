package org.ratebook.engine.invoicing.domain;

import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Hands out a tenant's next invoice number inside the transaction that issues the invoice. */
public interface InvoiceNumbering {
    String next(TenantId tenant, LocalDate invoiceDate);

    /**
     * The next number of an invoice of {@code account}: in the tenant's series or the customer's, as the tenant's
     * numbering scope says (decision 025). The default, for numberings without customer series, is the tenant's.
     */
    default String next(TenantId tenant, org.ratebook.engine.account.api.AccountId account, LocalDate invoiceDate) {
        return next(tenant, invoiceDate);
    }

    /**
     * The next credit note number: the tenant's number format, with prefix CN, in a gapless series of its own.
     * The default, for numberings without a series of their own, marks an invoice-series number as a credit note.
     */
    default String nextCreditNote(TenantId tenant, LocalDate issuedOn) {
        return "CN/" + next(tenant, issuedOn);
    }
}
