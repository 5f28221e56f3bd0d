package org.ratebook.console.finance;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountParents;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.billing.OneOffCharges;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.discount.Coupons;
import org.ratebook.engine.discount.projection.CouponRedemptionView;
import org.ratebook.engine.dunning.AccountStandings;
import org.ratebook.engine.dunning.StandingChange;
import org.ratebook.engine.dunning.StandingView;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.query.AccountBalance;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.PaymentView;
import org.ratebook.engine.listing.AccountListing;
import org.ratebook.engine.listing.Cursor;
import org.ratebook.engine.listing.InvoiceListing;
import org.ratebook.engine.listing.Page;
import org.ratebook.engine.payment.InvoicePayments;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.rating.UsageEstimates;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.engine.subscription.api.ChangeQuantityCommand;
import org.ratebook.engine.subscription.api.PauseSubscriptionCommand;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.ResumeSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the finance pages read and do, each through the engine's existing services and previews, and each
 * behind {@link FinanceAccess}: reads for analysts, tenant admins and auditors; actions for analysts and tenant
 * admins only. The tenant always comes from the signed-in user. Actions wait for the read models to show their
 * outcome, so the page that refreshes after them shows it.
 */
@Service
public class FinanceActions {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FinanceAccess access;
    private final AccountListing accountListing;
    private final InvoiceListing invoiceListing;
    private final AccountDirectory accounts;
    private final AccountParents parents;
    private final SubscriptionProjection subscriptions;
    private final TenantScope scope;
    private final InvoiceQueries invoices;
    private final AccountStandings standings;
    private final UsageEstimates estimates;
    private final TenantPacks packs;
    private final TenantClocks clocks;
    private final CommandGateway commands;
    private final SubscriptionChanges changes;
    private final InvoicePayments payments;
    private final OneOffCharges oneOffCharges;
    private final Coupons coupons;
    private final org.ratebook.engine.payment.AccountCredits credits;

    public FinanceActions(FinanceAccess access, AccountListing accountListing, InvoiceListing invoiceListing,
                          AccountDirectory accounts, AccountParents parents, SubscriptionProjection subscriptions,
                          TenantScope scope, InvoiceQueries invoices, AccountStandings standings,
                          UsageEstimates estimates, TenantPacks packs, TenantClocks clocks, CommandGateway commands,
                          SubscriptionChanges changes, InvoicePayments payments, OneOffCharges oneOffCharges,
                          Coupons coupons, org.ratebook.engine.payment.AccountCredits credits,
                          org.ratebook.engine.billing.AutomaticInvoicing automaticInvoicing) {
        this.credits = credits;
        this.automaticInvoicing = automaticInvoicing;
        this.access = access;
        this.accountListing = accountListing;
        this.invoiceListing = invoiceListing;
        this.accounts = accounts;
        this.parents = parents;
        this.subscriptions = subscriptions;
        this.scope = scope;
        this.invoices = invoices;
        this.standings = standings;
        this.estimates = estimates;
        this.packs = packs;
        this.clocks = clocks;
        this.commands = commands;
        this.changes = changes;
        this.payments = payments;
        this.oneOffCharges = oneOffCharges;
        this.coupons = coupons;
    }

    private final org.ratebook.engine.billing.AutomaticInvoicing automaticInvoicing;

    public boolean mayAct() {
        return access.mayAct();
    }

    // ---- reads ----

    public Page<AccountListing.Row> accounts(AccountListing.Filter filter, Cursor after, int skip, int limit) {
        return accountListing.page(access.reader(), filter, after, skip, limit);
    }

    public long countAccounts(AccountListing.Filter filter) {
        return accountListing.count(access.reader(), filter);
    }

    public Page<InvoiceListing.Row> invoices(InvoiceListing.Filter filter, Cursor after, int skip, int limit) {
        return invoiceListing.page(access.reader(), filter, after, skip, limit);
    }

    public long countInvoices(InvoiceListing.Filter filter) {
        return invoiceListing.count(access.reader(), filter);
    }

    public AccountView account(UUID accountId) {
        return accounts.find(access.reader(), new AccountId(accountId))
                .orElseThrow(() -> new NotFoundException("no account " + accountId));
    }

    public Optional<AccountView> parentOf(UUID accountId) {
        TenantId tenant = access.reader();
        return parents.parentOf(tenant, new AccountId(accountId)).flatMap(p -> accounts.find(tenant, p.parent()));
    }

    public List<AccountListing.Row> children(UUID accountId) {
        return accountListing.children(access.reader(), accountId);
    }

    public List<SubscriptionView> subscriptions(UUID accountId) {
        TenantId tenant = access.reader();
        return scope.call(tenant, () -> subscriptions.ofAccount(tenant, new AccountId(accountId)));
    }

    public Optional<SubscriptionView> subscription(UUID subscriptionId) {
        TenantId tenant = access.reader();
        return scope.call(tenant, () -> subscriptions.find(tenant, new SubscriptionId(subscriptionId)));
    }

    public AccountBalance balance(UUID accountId, String currency) {
        return invoices.balance(access.reader(), accountId, currency);
    }

    public StandingView standing(UUID accountId) {
        return standings.of(access.reader(), new AccountId(accountId));
    }

    public List<StandingChange> standingHistory(UUID accountId) {
        return standings.changes(access.reader(), new AccountId(accountId));
    }

    public Optional<UsageEstimates.Estimate> usageEstimate(UUID subscriptionId) {
        return estimates.current(access.reader(), new SubscriptionId(subscriptionId));
    }

    public List<CouponRedemptionView> coupons(UUID accountId) {
        return coupons.redeemed(access.reader(), new AccountId(accountId));
    }

    public Optional<InvoiceView> invoice(UUID invoiceId) {
        return invoices.find(access.reader(), invoiceId);
    }

    public List<RuleFiring> trace(UUID invoiceId) {
        return invoices.trace(access.reader(), invoiceId);
    }

    public List<PaymentView> payments(UUID invoiceId) {
        return invoices.payments(access.reader(), invoiceId);
    }

    public List<CreditNoteView> creditNotes(UUID invoiceId) {
        return invoices.creditNotes(access.reader(), invoiceId);
    }

    /** Payments and credit notes of an account's latest 100 invoices, each with the invoice's number. */
    public record Applied(String invoiceNumber, UUID invoiceId, PaymentView payment, CreditNoteView creditNote) {
    }

    public List<Applied> paymentsAndCreditNotes(UUID accountId) {
        TenantId tenant = access.reader();
        List<Applied> applied = new ArrayList<>();
        for (InvoiceListing.Row row : invoiceListing.page(tenant, InvoiceListing.Filter.ofAccount(accountId), null,
                100).items()) {
            invoices.payments(tenant, row.invoiceId())
                    .forEach(p -> applied.add(new Applied(row.number(), row.invoiceId(), p, null)));
            invoices.creditNotes(tenant, row.invoiceId())
                    .forEach(c -> applied.add(new Applied(row.number(), row.invoiceId(), null, c)));
        }
        return applied;
    }

    /** The plan codes the rule pack in effect today offers in a currency (base plans and add-ons). */
    public List<String> plans(String currency) {
        TenantId tenant = access.reader();
        return packs.inEffect(tenant, today(tenant)).plans().stream().filter(p -> p.currency().equals(currency))
                .map(CatalogPlan::code).distinct().sorted().toList();
    }

    public LocalDate today() {
        return today(access.reader());
    }

    private LocalDate today(TenantId tenant) {
        return LocalDate.now(clocks.of(tenant));
    }

    // ---- actions ----

    public UUID createAccount(String name, String email, String currency, String country, String timeZone,
                              List<String> address, String taxId, boolean business) {
        TenantId tenant = access.actor();
        AccountId id = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, id, name, email, currency, country, timeZone, null,
                address, taxId, business ? new TaxDetails(null, true, taxId != null && !taxId.isBlank(), false, null)
                : TaxDetails.NONE));
        return id.value();
    }

    /** Replaces the account's tax id and tax details; invoices from today on are taxed with them. */
    public void changeTaxDetails(UUID accountId, String taxId, TaxDetails tax) {
        TenantId tenant = access.actor();
        commands.sendAndWait(new org.ratebook.engine.account.api.ChangeTaxDetailsCommand(tenant,
                new AccountId(accountId), taxId, tax));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !accounts.find(tenant, new AccountId(accountId))
                .map(a -> java.util.Objects.equals(a.taxId(), taxId) && a.tax().equals(tax)).orElse(false)) {
            sleep();
        }
    }

    /** {@code proration} null: the pack's change rules decide, else invoiced at once (as the REST API). */
    public SubscriptionChanges.Preview previewChangePlan(UUID subscriptionId, String plan, ChangeTiming timing,
                                                         ProrationBehaviour proration) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changes.preview(tenant, id, new ChangePlanCommand(tenant, id, plan, timing, null, null, proration));
    }

    public BillingRunResult changePlan(UUID subscriptionId, String plan, ChangeTiming timing,
                                       ProrationBehaviour proration) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return applied(tenant, changes.apply(tenant, id, new ChangePlanCommand(tenant, id, plan, timing, null, null,
                proration)));
    }

    public SubscriptionChanges.Preview previewChangeQuantity(UUID subscriptionId, int quantity, ChangeTiming timing,
                                                             ProrationBehaviour proration) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changes.preview(tenant, id, new ChangeQuantityCommand(tenant, id, quantity, timing, null, proration));
    }

    public BillingRunResult changeQuantity(UUID subscriptionId, int quantity, ChangeTiming timing,
                                           ProrationBehaviour proration) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return applied(tenant, changes.apply(tenant, id, new ChangeQuantityCommand(tenant, id, quantity, timing,
                null, proration)));
    }

    public SubscriptionChanges.Preview previewCancel(UUID subscriptionId, ChangeTiming timing) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return changes.preview(tenant, id, new CancelSubscriptionCommand(tenant, id, timing, null));
    }

    public BillingRunResult cancel(UUID subscriptionId, ChangeTiming timing) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return applied(tenant, changes.apply(tenant, id, new CancelSubscriptionCommand(tenant, id, timing, null)));
    }

    public BillingRunResult pause(UUID subscriptionId) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return applied(tenant, changes.apply(tenant, id, new PauseSubscriptionCommand(tenant, id, null)));
    }

    public BillingRunResult resume(UUID subscriptionId) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return applied(tenant, changes.apply(tenant, id, new ResumeSubscriptionCommand(tenant, id, null)));
    }

    public BillingRunResult reinstate(UUID subscriptionId) {
        TenantId tenant = access.actor();
        SubscriptionId id = new SubscriptionId(subscriptionId);
        return applied(tenant, changes.apply(tenant, id, new ReinstateSubscriptionCommand(tenant, id)));
    }

    public BillingRunResult oneOffCharge(UUID accountId, String description, BigDecimal quantity,
                                         BigDecimal unitPrice, LocalDate on) {
        TenantId tenant = access.actor();
        AccountView account = account(accountId);
        OneOffCharges.Entered entered = oneOffCharges.enter(tenant, account.accountId(), "console-" + UUID.randomUUID(),
                description, quantity, unitPrice, account.currency(), on);
        invoices.awaitVisible(tenant, entered.billing().issued(), WAIT);
        return entered.billing();
    }

    public CouponRedemptionView redeemCoupon(UUID accountId, String code) {
        return coupons.redeem(access.actor(), new AccountId(accountId), code);
    }

    public void recordPayment(UUID invoiceId, BigDecimal amount, LocalDate receivedOn, String reference) {
        TenantId tenant = access.actor();
        InvoiceView invoice = invoice(invoiceId).orElseThrow(() -> new NotFoundException("no invoice " + invoiceId));
        String id = payments.recordReceived(tenant, invoiceId, null, amount, invoice.currency(), receivedOn,
                reference);
        invoices.awaitPayment(tenant, invoiceId, id, WAIT);
    }

    public void refund(UUID invoiceId, BigDecimal amount, String reason) {
        TenantId tenant = access.actor();
        String id = payments.refund(tenant, invoiceId, null, amount, reason);
        invoices.awaitPayment(tenant, invoiceId, id, WAIT);
    }

    public void creditNote(UUID invoiceId, BigDecimal amount, String reason) {
        TenantId tenant = access.actor();
        InvoiceView invoice = invoice(invoiceId).orElseThrow(() -> new NotFoundException("no invoice " + invoiceId));
        String reference = payments.creditNote(tenant, invoiceId, null, amount, invoice.currency(), reason);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && invoices.creditNotes(tenant, invoiceId).stream()
                .noneMatch(c -> c.reference().equals(reference))) {
            sleep();
        }
    }

    /** What adjusting one line would give back (amount null: all it still has); nothing is recorded. */
    public org.ratebook.engine.invoicing.domain.ItemAdjustment.Decided previewAdjustment(UUID invoiceId, int lineNo,
                                                                                        BigDecimal amount) {
        return payments.previewAdjustment(access.reader(), invoiceId, lineNo, amount);
    }

    /** Adjusts one line of the invoice as a credit note linked to it, and waits until the page can show it. */
    public void adjustLine(UUID invoiceId, int lineNo, BigDecimal amount, String reason) {
        TenantId tenant = access.actor();
        String reference = payments.adjustItem(tenant, invoiceId, lineNo, null, amount, reason);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && invoices.creditNotes(tenant, invoiceId).stream()
                .noneMatch(c -> c.reference().equals(reference))) {
            sleep();
        }
    }

    /** Whether automatic invoicing of the account is switched off (Kill Bill's AUTO_INVOICING_OFF), since when. */
    public org.ratebook.engine.account.projection.AccountProjection.AutomaticInvoicing automaticInvoicing(
            UUID accountId) {
        return automaticInvoicing.of(access.reader(), new org.ratebook.engine.account.api.AccountId(accountId));
    }

    /**
     * Switches automatic invoicing of the account off or back on, as the signed-in user; back on, what was held is
     * invoiced at once. Returns how many invoices that issued.
     */
    public int switchAutomaticInvoicing(UUID accountId, boolean on, String reason) {
        TenantId tenant = access.actor();
        String by = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getName();
        var switched = automaticInvoicing.switchTo(tenant, new org.ratebook.engine.account.api.AccountId(accountId),
                on, reason, by);
        if (switched.billing() == null) {
            return 0;
        }
        invoices.awaitVisible(tenant, switched.billing().issued(), WAIT);
        return switched.billing().issued().size();
    }

    /** Gives the account credit by hand (a goodwill credit), recorded as given by the signed-in user. */
    public void giveCredit(UUID accountId, BigDecimal amount, String reason) {
        TenantId tenant = access.actor();
        String by = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getName();
        String id = credits.give(tenant, new org.ratebook.engine.account.api.AccountId(accountId), null, amount, null,
                reason, by);
        invoices.awaitCreditEntry(tenant, id, WAIT);
    }

    public void voidInvoice(UUID invoiceId, String reason) {
        TenantId tenant = access.actor();
        payments.voidInvoice(tenant, invoiceId, reason);
        invoices.awaitStatus(tenant, invoiceId, "VOID", WAIT);
    }

    private BillingRunResult applied(TenantId tenant, SubscriptionChanges.Changed changed) {
        invoices.awaitVisible(tenant, changed.billing().issued(), WAIT);
        return changed.billing();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
