package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A billing run drafted an invoice for the seller to review: everything {@link InvoiceIssuedEvent} carries
 * except a number and a due date, which only finalizing assigns (so a discarded draft leaves no gap in the
 * series). The period it bills counts as billed; the account credit it uses is held until it is discarded.
 */
@Revision("1")
public record InvoiceDraftedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId,
                                  LocalDate invoiceDate, String currency, List<InvoiceLine> lines,
                                  BigDecimal subtotal, BigDecimal tax, BigDecimal total, PackRef pack,
                                  List<RuleFiring> trace, Party seller, Party buyer, List<UsageSpikeFlag> spikes,
                                  Instant reviewUntil) {
    public InvoiceDraftedEvent {
        lines = List.copyOf(lines);
        trace = trace == null ? List.of() : List.copyOf(trace);
        spikes = spikes == null ? List.of() : List.copyOf(spikes);
    }
}
