package org.ratebook.engine.invoicing.domain;

import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Hands out a tenant's next invoice number inside the transaction that issues the invoice. */
public interface InvoiceNumbering {
    String next(TenantId tenant, LocalDate invoiceDate);

    /**
     * The next credit note number: the tenant's number format, with prefix CN, in a gapless series of its own.
     * The default, for numberings without a series of their own, marks an invoice-series number as a credit note.
     */
    default String nextCreditNote(TenantId tenant, LocalDate issuedOn) {
        return "CN/" + next(tenant, issuedOn);
    }
}
