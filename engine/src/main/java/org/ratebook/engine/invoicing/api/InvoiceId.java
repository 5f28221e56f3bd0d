package org.ratebook.engine.invoicing.api;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

public record InvoiceId(UUID value) {

    /**
     * The id of the invoice of {@code account} dated {@code invoiceDate}. Deterministic, so a repeated billing
     * run, a retry or a second node issuing the same invoice collides on the event store's unique key instead
     * of billing twice.
     */
    public static InvoiceId of(TenantId tenant, AccountId account, LocalDate invoiceDate) {
        return of(tenant, account, invoiceDate, 0);
    }

    /**
     * The id of the {@code generation}-th invoice for that account and date: after a void, the next billing
     * run issues generation 1, and so on; two runs re-billing at once still collide.
     */
    public static InvoiceId of(TenantId tenant, AccountId account, LocalDate invoiceDate, int generation) {
        String key = "invoice:" + tenant.value() + ":" + account.value() + ":" + invoiceDate
                + (generation == 0 ? "" : ":" + generation);
        return new InvoiceId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
