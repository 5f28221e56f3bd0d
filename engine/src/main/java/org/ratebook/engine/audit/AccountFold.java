package org.ratebook.engine.audit;

import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.AccountSegmentChangedEvent;
import org.ratebook.engine.account.api.AccountTaxDetailsChangedEvent;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.charge.api.OneOffChargeAddedEvent;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.dunning.api.AccountReinstatedEvent;
import org.ratebook.engine.dunning.api.AccountSuspendedEvent;
import org.ratebook.engine.dunning.api.AccountTerminatedEvent;
import org.ratebook.engine.dunning.api.DunningStateChangedEvent;
import org.ratebook.engine.dunning.api.PaymentReminderSentEvent;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftDiscardedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceFinalizedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.InvoicePaidEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.PlanChangedEvent;
import org.ratebook.engine.subscription.api.QuantityChangedEvent;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.api.SubscriptionPausedEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionResumedEvent;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.DunningState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An account folded from its events, as the read models would have held it after exactly these events: details,
 * tax details, segment, parent, subscriptions with their timelines, invoices with what was paid and credited,
 * credit per currency, coupons, one-off charges and the dunning state. It mirrors the projections' handlers (the
 * same event, the same effect) but keeps everything in memory, so it can stop at any point of the history.
 */
public final class AccountFold {

    /** One invoice as its events left it. */
    public static final class InvoiceState {
        public final UUID invoiceId;
        public final AccountId accountId;
        public final LocalDate invoiceDate;
        public final String currency;
        public final List<InvoiceLine> lines;
        public final BigDecimal total;
        public final long globalIndex;
        public String number;
        public LocalDate dueDate;
        public String status;
        public BigDecimal paid = BigDecimal.ZERO;
        public BigDecimal credited = BigDecimal.ZERO;

        InvoiceState(UUID invoiceId, AccountId accountId, LocalDate invoiceDate, String currency, List<InvoiceLine> lines,
                     BigDecimal total, String number, LocalDate dueDate, String status, long globalIndex) {
            this.invoiceId = invoiceId;
            this.accountId = accountId;
            this.invoiceDate = invoiceDate;
            this.currency = currency;
            this.lines = lines;
            this.total = total;
            this.number = number;
            this.dueDate = dueDate;
            this.status = status;
            this.globalIndex = globalIndex;
        }

        public boolean counts() {
            return !"VOID".equals(status) && !"DISCARDED".equals(status);
        }

        public BigDecimal due() {
            return total.subtract(paid).subtract(credited);
        }
    }

    private final Map<AccountId, AccountView> accounts = new LinkedHashMap<>();
    private final Map<AccountId, ParentAccountSetEvent> parents = new LinkedHashMap<>();
    private final Map<SubscriptionId, SubscriptionView> subscriptions = new LinkedHashMap<>();
    private final Map<UUID, InvoiceState> invoices = new LinkedHashMap<>();
    private final Map<String, BigDecimal> credit = new TreeMap<>();
    private final List<CouponRedeemedEvent> coupons = new ArrayList<>();
    private final List<OneOffChargeAddedEvent> charges = new ArrayList<>();
    private DunningState dunning = DunningState.GOOD;
    private long folded;

    /** Folds the events (in store order) whose business date is on or before {@code asOf} (null: all). */
    public static AccountFold of(List<AuditEvent> events, LocalDate asOf) {
        AccountFold fold = new AccountFold();
        for (AuditEvent e : events) {
            if (asOf == null || !e.businessDate().isAfter(asOf)) {
                fold.apply(e);
            }
        }
        return fold;
    }

    /** Folds the events stored before position {@code beforeGlobalIndex}: what was known when that one was decided. */
    public static AccountFold before(List<AuditEvent> events, long beforeGlobalIndex) {
        AccountFold fold = new AccountFold();
        events.stream().filter(e -> e.globalIndex() < beforeGlobalIndex).forEach(fold::apply);
        return fold;
    }

    public void apply(AuditEvent event) {
        folded++;
        switch (event.payload()) {
            case AccountCreatedEvent e -> accounts.put(e.accountId(), new AccountView(e.accountId(), e.name(),
                    e.email(), e.currency(), e.country(), e.timeZone(), e.billCycleDay(), e.addressLines(), e.taxId(),
                    e.createdOn(), TaxDetails.NONE, e.segment()));
            case AccountSegmentChangedEvent e -> accounts.computeIfPresent(e.accountId(), (id, a) -> new AccountView(
                    id, a.name(), a.email(), a.currency(), a.country(), a.timeZone(), a.billCycleDay(), a.addressLines(),
                    a.taxId(), a.createdOn(), a.tax(), e.segment()));
            case AccountTaxDetailsChangedEvent e -> accounts.computeIfPresent(e.accountId(), (id, a) -> new AccountView(
                    id, a.name(), a.email(), a.currency(), a.country(), a.timeZone(), a.billCycleDay(), a.addressLines(),
                    e.taxId(), a.createdOn(), e.details(), a.segment()));
            case ParentAccountSetEvent e -> parents.put(e.accountId(), e);
            case SubscriptionCreatedEvent e -> subscriptions.put(e.subscriptionId(), new SubscriptionView(
                    e.subscriptionId(), e.accountId(), e.plan(), e.quantity(), e.currency(), e.startDate(),
                    e.billCycleDay(), "ACTIVE", e.phases(), null, null, e.priceList(), e.startDate(),
                    e.packVersion(), e.productType(), e.baseSubscriptionId()));
            case PlanChangedEvent e -> subscriptions.computeIfPresent(e.subscriptionId(), (id, s) -> {
                SubscriptionView t = timeline(s, e.timeline(), s.state(), s.endsOn(), s.pausedFrom());
                return new SubscriptionView(id, t.accountId(), t.plan(), t.quantity(), t.currency(), t.startDate(),
                        t.billCycleDay(), t.state(), t.phases(), t.endsOn(), t.pausedFrom(), t.priceList(),
                        e.effectiveOn(), e.packVersion(), t.productType(), t.baseSubscriptionId());
            });
            case QuantityChangedEvent e -> subscriptions.computeIfPresent(e.subscriptionId(),
                    (id, s) -> timeline(s, e.timeline(), s.state(), s.endsOn(), s.pausedFrom()));
            case SubscriptionPausedEvent e -> subscriptions.computeIfPresent(e.subscriptionId(),
                    (id, s) -> timeline(s, e.timeline(), "PAUSED", s.endsOn(), e.effectiveOn()));
            case SubscriptionResumedEvent e -> subscriptions.computeIfPresent(e.subscriptionId(),
                    (id, s) -> timeline(s, e.timeline(), "ACTIVE", s.endsOn(), null));
            case SubscriptionCancelledEvent e -> subscriptions.computeIfPresent(e.subscriptionId(),
                    (id, s) -> timeline(s, e.timeline(), "CANCELLED", e.effectiveOn(), s.pausedFrom()));
            case SubscriptionReinstatedEvent e -> subscriptions.computeIfPresent(e.subscriptionId(),
                    (id, s) -> timeline(s, e.timeline(), "ACTIVE", null, s.pausedFrom()));
            case InvoiceIssuedEvent e -> {
                invoices.put(e.invoiceId().value(), new InvoiceState(e.invoiceId().value(), e.accountId(),
                        e.invoiceDate(), e.currency(), e.lines(), e.total(), e.number(), e.dueDate(), "FINALIZED",
                        event.globalIndex()));
                creditLines(e.currency(), e.lines(), BigDecimal.ONE);
            }
            case InvoiceDraftedEvent e -> {
                invoices.put(e.invoiceId().value(), new InvoiceState(e.invoiceId().value(), e.accountId(),
                        e.invoiceDate(), e.currency(), e.lines(), e.total(), null, null, "DRAFT", event.globalIndex()));
                creditLines(e.currency(), e.lines(), BigDecimal.ONE);
            }
            case InvoiceFinalizedEvent e -> invoice(e.invoiceId().value(), i -> {
                if ("DRAFT".equals(i.status)) {
                    i.number = e.number();
                    i.dueDate = e.dueDate();
                    i.status = "FINALIZED";
                }
            });
            case InvoiceDraftDiscardedEvent e -> invoice(e.invoiceId().value(), i -> {
                if ("DRAFT".equals(i.status)) {
                    i.status = "DISCARDED";
                    creditLines(i.currency, i.lines, BigDecimal.ONE.negate());
                }
            });
            case InvoiceVoidedEvent e -> invoice(e.invoiceId().value(), i -> {
                if (!"VOID".equals(i.status)) {
                    i.status = "VOID";
                    creditLines(i.currency, i.lines, BigDecimal.ONE.negate());
                }
            });
            case InvoicePaidEvent e -> invoice(e.invoiceId().value(), i -> i.status = "PAID");
            case PaymentRecordedEvent e -> {
                invoice(e.invoiceId().value(), i -> {
                    i.paid = i.paid.add(e.applied());
                    if (e.balanceAfter().signum() == 0) {
                        i.status = "PAID";
                    }
                });
                if (e.overpaid().signum() > 0) {
                    credit.merge(e.currency(), e.overpaid(), BigDecimal::add);
                }
            }
            case PaymentRefundedEvent e -> invoice(e.invoiceId().value(), i -> {
                i.paid = i.paid.subtract(e.amount());
                i.status = "FINALIZED";
            });
            case CreditNoteIssuedEvent e -> {
                invoice(e.invoiceId().value(), i -> i.credited = i.credited.add(e.appliedToInvoice()));
                if (e.toAccountCredit().signum() > 0) {
                    credit.merge(e.currency(), e.toAccountCredit(), BigDecimal::add);
                }
            }
            case org.ratebook.engine.account.api.AccountCreditGivenEvent e ->
                    credit.merge(e.currency(), e.amount(), BigDecimal::add);
            case org.ratebook.engine.account.api.AccountCreditTakenEvent e ->
                    credit.merge(e.currency(), e.amount().negate(), BigDecimal::add);
            case DunningStateChangedEvent e -> dunning = e.to();
            case AccountSuspendedEvent e -> dunning = e.state();
            case AccountReinstatedEvent e -> dunning = e.to();
            case AccountTerminatedEvent e -> dunning = DunningState.TERMINATED;
            case PaymentReminderSentEvent e -> dunning = e.state();
            case CouponRedeemedEvent e -> coupons.add(e);
            case OneOffChargeAddedEvent e -> charges.add(e);
            case null, default -> folded--;
        }
    }

    private static SubscriptionView timeline(SubscriptionView s, List<PhaseStart> timeline, String state,
                                             LocalDate endsOn, LocalDate pausedFrom) {
        PhaseStart last = timeline.stream().filter(PhaseStart::bills).reduce((a, b) -> b).orElse(null);
        return new SubscriptionView(s.subscriptionId(), s.accountId(), last == null ? s.plan() : last.plan(),
                last == null || last.quantity() == null ? s.quantity() : last.quantity(), s.currency(), s.startDate(),
                s.billCycleDay(), state, timeline, endsOn, pausedFrom, s.priceList(), s.signedOn(),
                s.signedPackVersion(), s.productType(), s.baseSubscriptionId());
    }

    private void invoice(UUID id, java.util.function.Consumer<InvoiceState> change) {
        InvoiceState invoice = invoices.get(id);
        if (invoice != null) {
            change.accept(invoice);
        }
    }

    private void creditLines(String currency, List<InvoiceLine> lines, BigDecimal sign) {
        for (InvoiceLine l : lines) {
            if ("CREDIT".equals(l.itemType())) {
                credit.merge(currency, l.amount().multiply(sign), BigDecimal::add);
            }
        }
    }

    public java.util.Optional<AccountView> account(AccountId id) {
        return java.util.Optional.ofNullable(accounts.get(id));
    }

    public java.util.Optional<ParentAccountSetEvent> parent(AccountId id) {
        return java.util.Optional.ofNullable(parents.get(id));
    }

    public Map<AccountId, ParentAccountSetEvent> parents() {
        return Map.copyOf(parents);
    }

    public List<SubscriptionView> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    public List<InvoiceState> invoices() {
        return List.copyOf(invoices.values());
    }

    public BigDecimal credit(String currency) {
        return credit.getOrDefault(currency, BigDecimal.ZERO);
    }

    public Map<String, BigDecimal> credits() {
        return Map.copyOf(credit);
    }

    public List<CouponRedeemedEvent> coupons() {
        return List.copyOf(coupons);
    }

    public List<OneOffChargeAddedEvent> charges() {
        return List.copyOf(charges);
    }

    public DunningState dunning() {
        return dunning;
    }

    public long folded() {
        return folded;
    }
}
