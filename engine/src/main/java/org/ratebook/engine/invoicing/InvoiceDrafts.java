package org.ratebook.engine.invoicing;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.invoicing.api.DiscardDraftCommand;
import org.ratebook.engine.invoicing.api.FinalizeInvoiceCommand;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.domain.InvalidInvoiceException;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's draft policy and the transitions of a draft. A seller who reviews drafts for N hours gets drafts
 * from the billing run; each is finalized by the seller, or by the billing run once its window has ended on the
 * tenant's clock (so a sandbox's test clock drives it), or discarded by the seller.
 */
@Service
public class InvoiceDrafts {

    static final String BY_SELLER = "seller";
    static final String BY_WINDOW = "review window ended";

    private static final Logger log = LoggerFactory.getLogger(InvoiceDrafts.class);

    private final CommandGateway commands;
    private final TenantRegistry tenants;
    private final TenantClocks clocks;
    private final InvoiceQueries invoices;

    public InvoiceDrafts(CommandGateway commands, TenantRegistry tenants, TenantClocks clocks,
                         InvoiceQueries invoices) {
        this.commands = commands;
        this.tenants = tenants;
        this.clocks = clocks;
        this.invoices = invoices;
    }

    /** When a draft billed at {@code now} is finalized, or empty if the tenant finalizes when it bills. */
    public Optional<Instant> reviewUntil(TenantId tenant, Instant now) {
        BillingSettings settings = tenants.billingSettings(tenant);
        return settings.reviewsDrafts()
                ? Optional.of((now == null ? clocks.of(tenant).instant() : now)
                .plus(Duration.ofHours(settings.draftReviewHours())))
                : Optional.empty();
    }

    /** The seller finalizes a draft today: it is numbered, issued today and due after the payment terms. */
    public void finalizeDraft(TenantId tenant, UUID invoiceId) {
        Clock clock = clocks.of(tenant);
        send(new FinalizeInvoiceCommand(tenant, new InvoiceId(invoiceId), LocalDate.now(clock),
                tenants.billingSettings(tenant).paymentTermsDays(), BY_SELLER), invoiceId);
    }

    /** The seller throws a draft away; the next billing run bills its periods again. */
    public void discard(TenantId tenant, UUID invoiceId, String reason) {
        send(new DiscardDraftCommand(tenant, new InvoiceId(invoiceId), reason, LocalDate.now(clocks.of(tenant))),
                invoiceId);
    }

    /**
     * Finalizes every draft whose review window has ended by {@code now}, each issued on the day its window
     * ended (a test clock jumping a month issues it on that day, as a live tenant would have). A draft the
     * seller finalized or discarded meanwhile is skipped. {@code null} is the tenant's now. Returns how many
     * were finalized.
     */
    public int finalizeReviewed(TenantId tenant, Instant now) {
        Clock clock = clocks.of(tenant);
        if (now == null) {
            now = clock.instant();
        }
        int terms = tenants.billingSettings(tenant).paymentTermsDays();
        int finalized = 0;
        for (UUID id : invoices.draftsReviewedBy(tenant, now)) {
            Optional<Instant> until = invoices.reviewUntil(tenant, id);
            if (until.isEmpty()) {
                continue;
            }
            try {
                commands.sendAndWait(new FinalizeInvoiceCommand(tenant, new InvoiceId(id),
                        LocalDate.ofInstant(until.get(), clock.getZone()), terms, BY_WINDOW));
                finalized++;
            } catch (InvalidInvoiceException e) {
                log.info("Draft {} of {} was no longer a draft: {}", id, tenant, e.getMessage());
            }
        }
        return finalized;
    }

    private void send(Object command, UUID invoiceId) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("invoice " + invoiceId + " does not exist");
        }
    }
}
