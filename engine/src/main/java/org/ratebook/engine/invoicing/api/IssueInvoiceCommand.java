package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * Issue an invoice with lines already decided by the tenant's rule pack, and the usage the rules flagged as
 * unusual while deciding it.
 */
public record IssueInvoiceCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId,
                                  AccountId accountId, LocalDate invoiceDate, LocalDate dueDate, String currency,
                                  List<InvoiceLine> lines, PackRef pack, List<RuleFiring> trace,
                                  Party seller, Party buyer, List<UsageSpikeFlag> spikes) {
    public IssueInvoiceCommand {
        spikes = spikes == null ? List.of() : List.copyOf(spikes);
    }

    public IssueInvoiceCommand(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, LocalDate invoiceDate,
                               LocalDate dueDate, String currency, List<InvoiceLine> lines, PackRef pack,
                               List<RuleFiring> trace, Party seller, Party buyer) {
        this(tenantId, invoiceId, accountId, invoiceDate, dueDate, currency, lines, pack, trace, seller, buyer,
                List.of());
    }
}
