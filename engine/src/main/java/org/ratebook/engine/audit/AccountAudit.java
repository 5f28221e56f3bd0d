package org.ratebook.engine.audit;

import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An account's timeline and its state as of a day, both from the event store. Read-only. */
@Service
public class AccountAudit {

    public static final int MAX_PAGE = 500;

    private final EventHistory history;

    public AccountAudit(EventHistory history) {
        this.history = history;
    }

    /**
     * The account's events after position {@code after} (null: from the start), of the given types (empty: all)
     * whose business date lies within [from, to] (either null: open), at most {@code limit}.
     *
     * @throws NotFoundException if the tenant has no such account
     */
    public TimelinePage timeline(TenantId tenant, AccountId account, Collection<String> types, LocalDate from,
                                 LocalDate to, Long after, int limit) {
        List<AuditEvent> events = known(tenant, account);
        List<AuditEvent> kept = events.stream()
                .filter(e -> types == null || types.isEmpty() || types.contains(e.type()))
                .filter(e -> from == null || !e.businessDate().isBefore(from))
                .filter(e -> to == null || !e.businessDate().isAfter(to))
                .toList();
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<AuditEvent> page = kept.stream().filter(e -> after == null || e.globalIndex() > after).limit(size + 1)
                .toList();
        Long next = page.size() > size ? page.get(size - 1).globalIndex() : null;
        return new TimelinePage(page.size() > size ? page.subList(0, size) : page, next, kept.size());
    }

    /** One event of the account, with its full payload. */
    public AuditEvent event(TenantId tenant, AccountId account, long globalIndex) {
        return known(tenant, account).stream().filter(e -> e.globalIndex() == globalIndex).findFirst()
                .orElseThrow(() -> new NotFoundException("no event " + globalIndex + " of account " + account));
    }

    /** The account as it stood at the end of {@code asOf}, folded from its events up to that day. */
    public AccountStateAsOf stateAsOf(TenantId tenant, AccountId account, LocalDate asOf) {
        AccountFold fold = AccountFold.of(known(tenant, account), asOf);
        return state(fold, account, asOf);
    }

    static AccountStateAsOf state(AccountFold fold, AccountId account, LocalDate asOf) {
        Optional<AccountView> view = fold.account(account);
        if (view.isEmpty()) {
            return new AccountStateAsOf(asOf, false, null, List.of(), List.of(), List.of(), null, fold.folded());
        }
        AccountView a = view.get();
        Optional<ParentAccountSetEvent> parent = fold.parent(account);
        AccountStateAsOf.Details details = new AccountStateAsOf.Details(a.accountId().toString(), a.name(), a.email(),
                a.currency(), a.country(), a.timeZone(), a.taxId(), a.tax().region(), a.tax().business(),
                a.tax().taxIdValid(), a.tax().taxExempt(), a.tax().exemptionReason(), a.segment(),
                parent.map(p -> p.parentAccountId() == null ? null : p.parentAccountId().toString()).orElse(null),
                parent.map(ParentAccountSetEvent::invoiceParent).orElse(false));
        List<AccountStateAsOf.Subscription> subscriptions = new ArrayList<>();
        for (SubscriptionView s : fold.subscriptions()) {
            if (s.accountId().equals(account)) {
                subscriptions.add(subscription(s, asOf));
            }
        }
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        List<AccountStateAsOf.OpenInvoice> open = new ArrayList<>();
        for (AccountFold.InvoiceState i : fold.invoices()) {
            if (!i.accountId.equals(account) || !i.counts() || "DRAFT".equals(i.status)) {
                continue;
            }
            BigDecimal due = i.due();
            byCurrency.computeIfAbsent(i.currency, c -> zero())[0] = byCurrency.get(i.currency)[0].add(due);
            if ("FINALIZED".equals(i.status) && due.signum() > 0) {
                open.add(new AccountStateAsOf.OpenInvoice(i.invoiceId.toString(), i.number, i.invoiceDate, i.dueDate,
                        i.currency, i.total, due));
            }
        }
        fold.credits().forEach((c, amount) -> byCurrency.computeIfAbsent(c, x -> zero())[1] = amount);
        byCurrency.computeIfAbsent(a.currency(), c -> zero());
        List<AccountStateAsOf.Balance> balances = byCurrency.entrySet().stream().map(e -> {
            int scale = Currency.getInstance(e.getKey()).getDefaultFractionDigits();
            BigDecimal openAmount = e.getValue()[0].setScale(scale, java.math.RoundingMode.HALF_UP);
            BigDecimal credit = e.getValue()[1].setScale(scale, java.math.RoundingMode.HALF_UP);
            return new AccountStateAsOf.Balance(e.getKey(), openAmount, credit, openAmount.subtract(credit));
        }).toList();
        return new AccountStateAsOf(asOf, true, details, subscriptions, balances, open, fold.dunning().name(),
                fold.folded());
    }

    private static BigDecimal[] zero() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** The subscription's plan, phase and quantity in force on the day, and whether it was running then. */
    static AccountStateAsOf.Subscription subscription(SubscriptionView s, LocalDate asOf) {
        PhaseStart current = null;
        for (PhaseStart p : s.phases()) {
            if (p.from().isAfter(asOf)) {
                break;
            }
            current = p;
        }
        String status;
        if (current == null) {
            status = "PENDING";
        } else if (current.bills()) {
            status = "ACTIVE";
        } else {
            status = s.endsOn() != null && !s.endsOn().isAfter(asOf) ? "CANCELLED" : "PAUSED";
        }
        PhaseStart shown = current != null && current.bills() ? current
                : s.phases().stream().filter(p -> p.bills() && !p.from().isAfter(asOf)).reduce((x, y) -> y)
                .orElse(s.phases().get(0));
        return new AccountStateAsOf.Subscription(s.subscriptionId().toString(), shown.plan(), shown.phase(),
                shown.quantity(), status, s.startDate(),
                "CANCELLED".equals(status) || (s.endsOn() != null && !s.endsOn().isAfter(asOf)) ? s.endsOn() : null);
    }

    private List<AuditEvent> known(TenantId tenant, AccountId account) {
        List<AuditEvent> events = history.ofAccount(tenant, account);
        if (events.isEmpty()) {
            throw new NotFoundException("no account " + account);
        }
        return events;
    }
}
