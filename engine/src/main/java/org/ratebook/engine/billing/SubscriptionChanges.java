package org.ratebook.engine.billing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.dunning.AccountStandings;
import org.ratebook.engine.subscription.api.ChangeOutcome;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.engine.subscription.domain.InvalidSubscriptionException;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes a subscription (plan, quantity, pause, resume, cancel, reinstate) and bills its account at once for
 * today, as Kill Bill does: an immediate change's repair and new charge, or a pause's last span in arrear,
 * appear on an invoice dated the day of the change instead of waiting for the next daily run.
 */
@Service
public class SubscriptionChanges {

    /** The change as recorded, and the billing it triggered. */
    public record Changed(SubscriptionView subscription, BillingRunResult billing) {
    }

    private final CommandGateway commands;
    private final SubscriptionProjection subscriptions;
    private final AccountDirectory accounts;
    private final TenantClocks clocks;
    private final BillingRun billingRun;
    private final AccountStandings standings;

    public SubscriptionChanges(CommandGateway commands, SubscriptionProjection subscriptions,
                               AccountDirectory accounts, TenantClocks clocks, BillingRun billingRun,
                               AccountStandings standings) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.clocks = clocks;
        this.billingRun = billingRun;
        this.standings = standings;
    }

    /** Sends {@code command} (one of the subscription change commands) and bills the account for today. */
    public Changed apply(TenantId tenant, SubscriptionId id, Object command) {
        requireNotBlocked(tenant, find(tenant, id), command);
        commands.sendAndWait(command);
        SubscriptionView changed = find(tenant, id);
        AccountView account = accounts.find(tenant, changed.accountId())
                .orElseThrow(() -> new NotFoundException("account " + changed.accountId() + " does not exist"));
        LocalDate today = account.today(clocks.of(tenant));
        return new Changed(changed, billingRun.runAccount(tenant, changed.accountId(), today));
    }

    /** Bills the account for its today, as after a change (used after changes sent as commands directly). */
    public BillingRunResult billToday(TenantId tenant, AccountId accountId) {
        AccountView account = accounts.find(tenant, accountId)
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
        return billingRun.runAccount(tenant, accountId, account.today(clocks.of(tenant)));
    }

    /**
     * What a change would do, and the invoices it would bring up to the day it takes effect; nothing is recorded.
     * {@code carriedTo} is the next invoice of the subscription when the change carries its proration there
     * ({@link ProrationBehaviour#CREATE_PRORATIONS}), so the preview can say what that invoice will hold; else null.
     */
    public record Preview(ChangeOutcome outcome, List<IssueInvoiceCommand> invoices, IssueInvoiceCommand carriedTo) {

        public Preview(ChangeOutcome outcome, List<IssueInvoiceCommand> invoices) {
            this(outcome, invoices, null);
        }

        /** The proration the change gets, by the request or the change rules; null: invoiced at once. */
        public ProrationBehaviour proration() {
            return outcome.timeline().stream().filter(p -> p.from().equals(outcome.effectiveOn()))
                    .map(PhaseStart::proration).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
    }

    /** Decides {@code command} as a dry run and previews the account's invoices with the timeline it would give. */
    public Preview preview(TenantId tenant, SubscriptionId id, Object command) {
        SubscriptionView subscription = find(tenant, id);
        requireNotBlocked(tenant, subscription, command);
        ChangeOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(ChangeOutcome.DRY_RUN, true)));
        AccountView account = accounts.find(tenant, subscription.accountId())
                .orElseThrow(() -> new NotFoundException("account " + subscription.accountId() + " does not exist"));
        LocalDate today = account.today(clocks.of(tenant));
        LocalDate until = outcome.effectiveOn().isAfter(today) ? outcome.effectiveOn() : today;
        Map<SubscriptionId, List<PhaseStart>> timelines = new HashMap<>();
        timelines.put(id, outcome.timeline());
        if (command instanceof CancelSubscriptionCommand) {
            timelines.putAll(addOnsEnding(tenant, id, outcome.effectiveOn()));
        }
        List<IssueInvoiceCommand> invoices = billingRun.preview(tenant, subscription.accountId(), until, timelines);
        Preview preview = new Preview(outcome, invoices);
        if (preview.proration() != ProrationBehaviour.CREATE_PRORATIONS) {
            return preview;
        }
        // the carried proration lands on the subscription's next invoice after the change: the generator is asked
        // one longest billing period (a year) ahead, and the first invoice with a line of this subscription is it
        IssueInvoiceCommand next = billingRun.preview(tenant, subscription.accountId(), until.plusYears(1), timelines)
                .stream().filter(i -> i.invoiceDate().isAfter(until))
                .filter(i -> i.lines().stream().anyMatch(l -> id.equals(l.subscriptionId())))
                .min(java.util.Comparator.comparing(IssueInvoiceCommand::invoiceDate)).orElse(null);
        return new Preview(outcome, invoices, next);
    }

    /**
     * The add-ons a base's cancellation would end with it (as {@code AddOnsEndWithTheirBase} does on the recorded
     * cancellation), each decided as a dry run too, so the preview shows their repairs.
     */
    private Map<SubscriptionId, List<PhaseStart>> addOnsEnding(TenantId tenant, SubscriptionId base, LocalDate from) {
        Map<SubscriptionId, List<PhaseStart>> timelines = new HashMap<>();
        for (SubscriptionView addOn : subscriptions.addOnsOf(tenant, base)) {
            if (addOn.endsOn() != null) {
                continue;
            }
            LocalDate day = addOn.startDate().isAfter(from) ? addOn.startDate() : from;
            ChangeOutcome ending = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new CancelSubscriptionCommand(tenant, addOn.subscriptionId(), null, day, null, base))
                    .andMetaData(Map.of(ChangeOutcome.DRY_RUN, true)));
            timelines.put(addOn.subscriptionId(), ending.timeline());
        }
        return timelines;
    }

    /** The seller's dunning policy may block plan changes while an account is behind on its invoices. */
    private void requireNotBlocked(TenantId tenant, SubscriptionView subscription, Object command) {
        if (command instanceof ChangePlanCommand && standings.blocksPlanChanges(tenant, subscription.accountId())) {
            throw new InvalidSubscriptionException("plan changes are blocked while the account is "
                    + standings.of(tenant, subscription.accountId()).state().name().toLowerCase(java.util.Locale.ROOT)
                    + " for unpaid invoices; they are allowed again once it is back in good standing");
        }
    }

    private SubscriptionView find(TenantId tenant, SubscriptionId id) {
        return subscriptions.find(tenant, id)
                .orElseThrow(() -> new NotFoundException("subscription " + id + " does not exist"));
    }
}
