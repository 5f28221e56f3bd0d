package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice was issued (finalized). It carries everything that was decided: number, lines, totals, the
 * rule pack and the trace, the parties as they were that day, and the usage its rules flagged as unusual, so
 * replay re-applies outcomes and never re-prices. Events of revision 3 and before read with no spikes.
 */
@Revision("4")
public record InvoiceIssuedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String number,
                                 LocalDate invoiceDate, LocalDate dueDate, String currency, List<InvoiceLine> lines,
                                 BigDecimal subtotal, BigDecimal tax, BigDecimal total, PackRef pack,
                                 List<RuleFiring> trace, Party seller, Party buyer, List<UsageSpikeFlag> spikes) {
    public InvoiceIssuedEvent {
        spikes = spikes == null ? List.of() : List.copyOf(spikes);
    }

    public InvoiceIssuedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String number,
                              LocalDate invoiceDate, LocalDate dueDate, String currency, List<InvoiceLine> lines,
                              BigDecimal subtotal, BigDecimal tax, BigDecimal total, PackRef pack,
                              List<RuleFiring> trace, Party seller, Party buyer) {
        this(tenantId, invoiceId, accountId, number, invoiceDate, dueDate, currency, lines, subtotal, tax, total,
                pack, trace, seller, buyer, List.of());
    }
}
