package org.ratebook.engine.audit;

import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Re-derives invoices and credit notes from the event store: the inputs as of the decision (every event stored
 * before the document's first one), the rule pack version the document records, the same decision path
 * ({@link DecisionReplay}), then a field-by-field comparison. Read-only.
 */
@Service
public class DocumentRederivation {

    private final EventHistory history;
    private final TenantRegistry tenants;
    private final DecisionReplay replay;

    public DocumentRederivation(EventHistory history, TenantRegistry tenants, DecisionService decisions) {
        this.history = history;
        this.tenants = tenants;
        this.replay = new DecisionReplay(decisions);
    }

    /** The invoice and each of its credit notes, re-derived. @throws NotFoundException for an unknown invoice */
    public List<Rederivation> invoice(TenantId tenant, UUID invoiceId) {
        List<AuditEvent> own = history.ofAggregate(tenant, invoiceId.toString());
        if (own.isEmpty()) {
            throw new NotFoundException("no invoice " + invoiceId);
        }
        List<Rederivation> results = new ArrayList<>();
        results.add(rederiveInvoice(tenant, invoiceId, own));
        results.addAll(creditNotes(own));
        return results;
    }

    /** Every invoice of the tenant (and its credit notes), oldest first. */
    public List<Rederivation> all(TenantId tenant) {
        List<Rederivation> results = new ArrayList<>();
        for (String id : history.invoiceIds(tenant)) {
            results.addAll(invoice(tenant, UUID.fromString(id)));
        }
        return results;
    }

    private Rederivation rederiveInvoice(TenantId tenantId, UUID invoiceId, List<AuditEvent> own) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("no tenant " + tenantId));
        AccountId payer = payer(own);
        List<AuditEvent> events = payer == null ? List.of() : accountEvents(tenantId, payer, own.get(0).globalIndex());
        return rederiveInvoice(tenant, invoiceId, own, events, history.ofRulePack(tenantId), replay);
    }

    /** The account an invoice's first event bills; null when that event cannot be read. */
    public static AccountId payer(List<AuditEvent> own) {
        return switch (own.isEmpty() ? null : own.get(0).payload()) {
            case InvoiceIssuedEvent e -> e.accountId();
            case InvoiceDraftedEvent e -> e.accountId();
            case null, default -> null;
        };
    }

    /**
     * Re-derives one invoice from events alone (no database): {@code own} are the invoice's events, {@code account}
     * its payer's and children's, {@code packs} the tenant's rule-pack events; only those stored before the
     * invoice's first event count.
     */
    public static Rederivation rederiveInvoice(Tenant tenant, UUID invoiceId, List<AuditEvent> own,
                                               List<AuditEvent> account, List<AuditEvent> packEvents,
                                               DecisionReplay replay) {
        AuditEvent first = own.get(0);
        Stored stored = switch (first.payload()) {
            case InvoiceIssuedEvent e -> new Stored(e.accountId(), e.number(), e.invoiceDate(), e.lines(), e.subtotal(),
                    e.tax(), e.total(), e.pack());
            case InvoiceDraftedEvent e -> new Stored(e.accountId(), null, e.invoiceDate(), e.lines(), e.subtotal(),
                    e.tax(), e.total(), e.pack());
            case null, default -> null;
        };
        if (stored == null) {
            return new Rederivation(invoiceId.toString(), "invoice", null, null, first.businessDate(), null, false,
                    List.of(new Rederivation.Difference("event " + first.globalIndex(), "payload",
                            first.json().toString(), "not readable as an invoice")), 0);
        }
        long before = first.globalIndex();
        AccountFold fold = AccountFold.before(account, before);
        PackHistory packs = PackHistory.of(packEvents, before);
        int version = stored.pack() == null ? 0 : stored.pack().version();
        List<InvoiceLine> usage = stored.lines().stream().filter(l -> l.meter() != null).toList();
        DecisionReplay.Derived derived = replay.derive(new DecisionReplay.Inputs(tenant, stored.account(),
                stored.invoiceDate(), fold, packs, version, usage));
        List<Rederivation.Difference> differences = new ArrayList<>();
        if (derived.problem() != null) {
            differences.add(new Rederivation.Difference("invoice", "decision", stored.lines().size() + " line(s)",
                    derived.problem()));
        }
        compareLines(stored.lines(), derived.lines(), differences);
        BigDecimal subtotal = derived.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = derived.lines().stream().map(InvoiceLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!derived.lines().isEmpty()) {
            money("invoice", "subtotal", stored.subtotal(), subtotal, differences);
            money("invoice", "tax", stored.tax(), tax, differences);
            money("invoice", "total", stored.total(), subtotal.add(tax), differences);
        }
        if (derived.pack() != null && stored.pack() != null) {
            PackRef s = stored.pack();
            PackRef d = derived.pack();
            text("rule pack", "name", s.name(), d.name(), differences);
            text("rule pack", "version", String.valueOf(s.version()), String.valueOf(d.version()), differences);
            text("rule pack", "content hash", s.hash(), d.hash(), differences);
        }
        return new Rederivation(invoiceId.toString(), "invoice", stored.number(), stored.account().toString(),
                stored.invoiceDate(), version, differences.isEmpty(), differences, fold.folded());
    }

    /**
     * A credit note splits its amount between what the invoice still asked for and the account's credit: that split
     * is re-derived from the invoice's own events before the note.
     */
    public static List<Rederivation> creditNotes(List<AuditEvent> own) {
        List<Rederivation> results = new ArrayList<>();
        BigDecimal total = null;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        long folded = 0;
        for (AuditEvent e : own) {
            switch (e.payload()) {
                case InvoiceIssuedEvent i -> total = i.total();
                case InvoiceDraftedEvent d -> total = d.total();
                case PaymentRecordedEvent p -> paid = paid.add(p.applied());
                case PaymentRefundedEvent r -> paid = paid.subtract(r.amount());
                case CreditNoteIssuedEvent note -> {
                    BigDecimal balance = total == null ? BigDecimal.ZERO : total.subtract(paid).subtract(credited);
                    BigDecimal toInvoice = note.amount().compareTo(balance) <= 0 ? note.amount() : balance;
                    BigDecimal toCredit = note.amount().subtract(toInvoice);
                    List<Rederivation.Difference> differences = new ArrayList<>();
                    String item = "credit note " + note.number();
                    money(item, "applied to invoice", note.appliedToInvoice(), toInvoice, differences);
                    money(item, "to account credit", note.toAccountCredit(), toCredit, differences);
                    money(item, "balance after", note.balanceAfter(), balance.subtract(toInvoice), differences);
                    results.add(new Rederivation(note.invoiceId().value().toString(), "credit note", note.number(),
                            note.accountId().toString(), note.issuedOn(), null, differences.isEmpty(), differences,
                            folded));
                    credited = credited.add(note.appliedToInvoice());
                }
                case null -> results.add(new Rederivation(e.aggregateId(), "credit note", null, null,
                        e.businessDate(), null, false, List.of(new Rederivation.Difference("event " + e.globalIndex(),
                        "payload", e.json().toString(), "not readable")), folded));
                default -> { }
            }
            folded++;
        }
        return results;
    }

    /** The payer's events and those of the child accounts whose invoices it received, before the decision. */
    private List<AuditEvent> accountEvents(TenantId tenant, AccountId payer, long before) {
        Map<Long, AuditEvent> events = new LinkedHashMap<>();
        history.ofAccount(tenant, payer).forEach(e -> events.put(e.globalIndex(), e));
        for (AuditEvent link : history.parentLinks(tenant)) {
            if (link.globalIndex() < before && link.payload() instanceof ParentAccountSetEvent p
                    && payer.equals(p.parentAccountId())) {
                history.ofAccount(tenant, p.accountId()).forEach(e -> events.put(e.globalIndex(), e));
            }
        }
        return events.values().stream().sorted(Comparator.comparingLong(AuditEvent::globalIndex)).toList();
    }

    private record Stored(AccountId account, String number, LocalDate invoiceDate, List<InvoiceLine> lines,
                          BigDecimal subtotal, BigDecimal tax, BigDecimal total, PackRef pack) {
    }

    private static final Map<String, Function<InvoiceLine, Object>> FIELDS = fields();

    private static Map<String, Function<InvoiceLine, Object>> fields() {
        Map<String, Function<InvoiceLine, Object>> f = new LinkedHashMap<>();
        f.put("type", InvoiceLine::itemType);
        f.put("description", InvoiceLine::description);
        f.put("subscription", InvoiceLine::subscriptionId);
        f.put("period from", InvoiceLine::periodFrom);
        f.put("period to", InvoiceLine::periodTo);
        f.put("quantity", InvoiceLine::quantity);
        f.put("unit price", InvoiceLine::unitPrice);
        f.put("amount", InvoiceLine::amount);
        f.put("tax rate", InvoiceLine::taxRate);
        f.put("tax amount", InvoiceLine::taxAmount);
        f.put("tax label", InvoiceLine::taxLabel);
        f.put("rules", InvoiceLine::rules);
        f.put("plan", InvoiceLine::plan);
        f.put("phase", InvoiceLine::phase);
        f.put("billing period from", InvoiceLine::billingPeriodFrom);
        f.put("billing period to", InvoiceLine::billingPeriodTo);
        f.put("discount of line", InvoiceLine::discountOf);
        f.put("coupon", InvoiceLine::coupon);
        f.put("repairs from", InvoiceLine::repairsFrom);
        f.put("one-off charge", InvoiceLine::chargeId);
        f.put("meter", InvoiceLine::meter);
        f.put("unit", InvoiceLine::unit);
        return f;
    }

    static void compareLines(List<InvoiceLine> stored, List<InvoiceLine> derived,
                             List<Rederivation.Difference> differences) {
        List<InvoiceLine> s = stored.stream().sorted(Comparator.comparingInt(InvoiceLine::lineNo)).toList();
        List<InvoiceLine> d = derived.stream().sorted(Comparator.comparingInt(InvoiceLine::lineNo)).toList();
        for (int i = 0; i < Math.max(s.size(), d.size()); i++) {
            String item = "line " + (i + 1);
            if (i >= s.size()) {
                differences.add(new Rederivation.Difference(item, "line", "(none)", describe(d.get(i))));
                continue;
            }
            if (i >= d.size()) {
                differences.add(new Rederivation.Difference(item, "line", describe(s.get(i)), "(none)"));
                continue;
            }
            for (Map.Entry<String, Function<InvoiceLine, Object>> field : FIELDS.entrySet()) {
                Object a = field.getValue().apply(s.get(i));
                Object b = field.getValue().apply(d.get(i));
                if (!same(a, b)) {
                    differences.add(new Rederivation.Difference(item, field.getKey(), show(a), show(b)));
                }
            }
        }
    }

    private static String describe(InvoiceLine l) {
        return l.itemType() + " " + l.description() + " " + show(l.amount());
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String show(Object value) {
        return value == null ? "(none)" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static void money(String item, String field, BigDecimal stored, BigDecimal derived,
                              List<Rederivation.Difference> differences) {
        if (!same(stored, derived)) {
            differences.add(new Rederivation.Difference(item, field, show(stored), show(derived)));
        }
    }

    private static void text(String item, String field, String stored, String derived,
                             List<Rederivation.Difference> differences) {
        if (!Objects.equals(stored, derived)) {
            differences.add(new Rederivation.Difference(item, field, show(stored), show(derived)));
        }
    }
}
