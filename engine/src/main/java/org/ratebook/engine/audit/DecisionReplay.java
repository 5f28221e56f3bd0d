package org.ratebook.engine.audit;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.assembly.InvoiceAssembler;
import org.ratebook.engine.billing.TaxAndDiscountFacts;
import org.ratebook.engine.billing.generator.BilledItem;
import org.ratebook.engine.billing.generator.InvoiceGenerator;
import org.ratebook.engine.billing.generator.ItemKind;
import org.ratebook.engine.billing.generator.Proposal;
import org.ratebook.engine.billing.generator.Repair;
import org.ratebook.engine.billing.generator.ServiceState;
import org.ratebook.engine.billing.generator.Span;
import org.ratebook.engine.charge.api.OneOffChargeAddedEvent;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.tenants.Tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * THE adapter between the audit and today's decision path: it turns the inputs as of an invoice's decision
 * (folded from the events stored before it, and the rule pack versions those events hold) into the same calls a
 * billing run makes — the invoice generator for what was due, {@link DecisionService#decide} with the pack
 * version recorded on the invoice, then repairs, lines for child accounts and account credit — and returns the
 * lines it would have issued. When billing is split into a reader and a pure assembler, only this class needs to
 * be re-pointed: {@link Inputs} is the reader's output, {@link #derive} the assembler's call.
 * <p>
 * Usage is not re-derived here: usage is an append-only table, not in the event store, so the usage periods an
 * invoice rated are taken as they are ({@link Inputs#usageLines}) and compared as stored.
 */
public final class DecisionReplay {

    /** What the decision of one invoice had before it, all from events. */
    public record Inputs(Tenant tenant, AccountId payer, LocalDate invoiceDate, AccountFold fold,
                         PackHistory packs, int packVersion, List<InvoiceLine> usageLines) {
    }

    /** The lines re-derived, the pack they were decided with, and why there are none (null when there are). */
    public record Derived(List<InvoiceLine> lines, PackRef pack, String problem) {
    }

    private final DecisionService decisions;

    public DecisionReplay(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Derived derive(Inputs in) {
        AccountFold fold = in.fold();
        Optional<AccountView> found = fold.account(in.payer());
        if (found.isEmpty()) {
            return new Derived(List.of(), null, "no account " + in.payer() + " in the events before the invoice");
        }
        AccountView account = found.get();
        Optional<RulePack> recorded = in.packs().version(in.packVersion());
        if (recorded.isEmpty()) {
            return new Derived(List.of(), null, "rule pack version " + in.packVersion() + " is not in the event store");
        }
        RulePack pack = recorded.get();
        Currency currency = Currency.getInstance(account.currency());
        Map<AccountId, AccountId> payers = payers(fold);
        Map<String, AccountId> billedFor = new HashMap<>();
        List<SubscriptionPeriod> periods = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // in the order the billing run reads them (SubscriptionProjection.activeOn), which orders the lines
        List<SubscriptionView> subscriptions = fold.subscriptions().stream().sorted(java.util.Comparator
                .comparing((SubscriptionView s) -> s.accountId().value().toString())
                .thenComparing(SubscriptionView::startDate).thenComparing(SubscriptionView::plan)
                .thenComparingInt(SubscriptionView::quantity)
                .thenComparing(s -> s.subscriptionId().value().toString())).toList();
        for (SubscriptionView s : subscriptions) {
            if (!in.payer().equals(payers.getOrDefault(s.accountId(), s.accountId()))
                    || s.startDate().isAfter(in.invoiceDate())) {
                continue;
            }
            RulePack today = in.packs().inEffect(in.invoiceDate()).orElse(pack);
            Optional<List<ServiceState>> states = states(in.packs(), s, problems);
            if (states.isEmpty()) {
                continue;
            }
            InvoiceGenerator generator = new InvoiceGenerator(today.dayCount(), Currency.getInstance(s.currency()),
                    today.rounding());
            BillingCycle cycle = BillingCycle.of(today.alignment(), s.billCycleDay(), s.startDate());
            Proposal proposal = generator.propose(s.subscriptionId().toString(), cycle, states.get(),
                    billedItems(fold, s), in.invoiceDate());
            for (Span span : proposal.charges()) {
                if (!span.invoiceDate().equals(in.invoiceDate())) {
                    continue;
                }
                billedFor.put(s.subscriptionId().toString(), s.accountId());
                periods.add(new SubscriptionPeriod(s.subscriptionId().toString(), span.plan(), span.quantity(),
                        s.currency(), span.from(), span.to(), span.phase(), span.periodFrom(), span.periodTo(),
                        span.fraction().numerator(), span.fraction().denominator(), BillingRun.priceListOn(s, span.from()),
                        s.signedOn(), signedPrices(in.packs(), s, span.plan())));
            }
            for (Repair repair : proposal.repairs()) {
                if (repair.invoiceDate().equals(in.invoiceDate())) {
                    billedFor.put(s.subscriptionId().toString(), s.accountId());
                    repairs.add(repair);
                }
            }
        }
        List<OneOffCharge> oneOffs = new ArrayList<>();
        List<OneOffChargeAddedEvent> charges = fold.charges().stream().sorted(java.util.Comparator
                .comparing((OneOffChargeAddedEvent c) -> c.accountId().value().toString())
                .thenComparing(OneOffChargeAddedEvent::chargeOn)
                .thenComparing(OneOffChargeAddedEvent::reference, java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder()))).toList();
        for (OneOffChargeAddedEvent c : charges) {
            AccountId payer = payers.getOrDefault(c.accountId(), c.accountId());
            if (payer.equals(in.payer()) && c.chargeOn().equals(in.invoiceDate()) && !billed(fold, c.chargeId())) {
                billedFor.put(c.chargeId().toString(), c.accountId());
                oneOffs.add(new OneOffCharge(c.chargeId().toString(), c.accountId().value().toString(),
                        c.description(), c.quantity(), c.unitPrice(), c.currency(), c.chargeOn()));
            }
        }
        List<InvoiceLine> lines = new ArrayList<>();
        PackRef packRef = new PackRef(pack.name(), pack.version(), pack.contentHash());
        if (!periods.isEmpty() || !oneOffs.isEmpty()) {
            InvoiceDecision decision = decisions.decide(pack, new InvoiceQuestion(TaxAndDiscountFacts.customer(account),
                    in.invoiceDate(), periods, TaxAndDiscountFacts.seller(in.tenant()),
                    coupons(fold, in.payer(), in.invoiceDate()), oneOffs, List.of()));
            Map<String, SubscriptionPeriod> spans = new HashMap<>();
            periods.forEach(p -> spans.put(p.subscriptionId() + "|" + p.from(), p));
            decision.lines().stream().map(d -> d.meter() != null ? InvoiceAssembler.usageLine(d)
                    : InvoiceAssembler.line(d, spans.get(d.subscriptionId() + "|" + d.from()))).forEach(lines::add);
            packRef = new PackRef(decision.trace().packName(), decision.trace().packVersion(),
                    decision.trace().packHash());
        }
        // usage is rated from the usage table, which the event store does not hold: its lines stay as stored
        for (InvoiceLine usage : in.usageLines()) {
            lines.add(renumber(usage, lines.size() + 1));
        }
        for (Repair repair : repairs) {
            lines.add(InvoiceAssembler.repairLine(lines.size() + 1, repair, currency, pack.rounding()));
        }
        if (lines.isEmpty()) {
            return new Derived(List.of(), packRef, problems.isEmpty() ? "nothing was due on " + in.invoiceDate()
                    : String.join("; ", problems));
        }
        lines = forChildren(fold, in.payer(), lines, billedFor);
        InvoiceAssembler.creditLine(lines.size() + 1, lines, fold.credit(account.currency()), currency).ifPresent(lines::add);
        return new Derived(lines, packRef, null);
    }

    /** Which account pays for which: a child whose parent receives its invoices is paid for by the parent. */
    static Map<AccountId, AccountId> payers(AccountFold fold) {
        Map<AccountId, AccountId> payers = new HashMap<>();
        fold.parents().forEach((child, e) -> {
            if (e.parentAccountId() != null && e.invoiceParent()) {
                payers.put(child, e.parentAccountId());
            }
        });
        return payers;
    }

    private static InvoiceLine renumber(InvoiceLine l, int lineNo) {
        return new InvoiceLine(lineNo, l.subscriptionId(), l.itemType(), l.description(), l.periodFrom(), l.periodTo(),
                l.quantity(), l.unitPrice(), l.amount(), l.taxRate(), l.taxAmount(), l.taxLabel(), l.rules(), l.plan(),
                l.phase(), l.billingPeriodFrom(), l.billingPeriodTo(), l.discountOf(), l.coupon(), l.repairsFrom(),
                l.chargeId(), l.meter(), l.unit(), l.tiers(), l.transactions());
    }

    /** On a parent's consolidated invoice, a line for a child account names the child (as the billing run does). */
    private static List<InvoiceLine> forChildren(AccountFold fold, AccountId payer, List<InvoiceLine> lines,
                                                 Map<String, AccountId> billedFor) {
        List<InvoiceLine> named = new ArrayList<>();
        for (InvoiceLine l : lines) {
            String source = l.subscriptionId() != null ? l.subscriptionId().toString()
                    : l.chargeId() != null ? l.chargeId().toString() : null;
            AccountId child = source == null ? null : billedFor.get(source);
            if (child == null || child.equals(payer)) {
                named.add(l);
                continue;
            }
            String name = fold.account(child).map(AccountView::name).orElse(child.toString());
            named.add(new InvoiceLine(l.lineNo(), l.subscriptionId(), l.itemType(), l.description() + ", for " + name,
                    l.periodFrom(), l.periodTo(), l.quantity(), l.unitPrice(), l.amount(), l.taxRate(), l.taxAmount(),
                    l.taxLabel(), l.rules(), l.plan(), l.phase(), l.billingPeriodFrom(), l.billingPeriodTo(),
                    l.discountOf(), l.coupon(), l.repairsFrom(), l.chargeId(), l.meter(), l.unit(), l.tiers(),
                    l.transactions()));
        }
        return named;
    }

    /** The subscription's phases as billing states, each priced by the pack in effect when it starts. */
    private static Optional<List<ServiceState>> states(PackHistory packs, SubscriptionView s, List<String> problems) {
        List<ServiceState> states = new ArrayList<>();
        for (PhaseStart phase : s.phases()) {
            if (!phase.bills()) {
                states.add(ServiceState.stopped(phase.from()));
                continue;
            }
            Optional<RulePack> pack = packs.inEffect(phase.from());
            Optional<CatalogPlan> row = pack.flatMap(p -> p.phase(phase.plan(), phase.phase(), s.currency()));
            if (row.isEmpty()) {
                problems.add("subscription " + s.subscriptionId() + ": phase '" + phase.phase() + "' of plan '"
                        + phase.plan() + "' has no " + s.currency() + " price in the pack in effect on " + phase.from());
                return Optional.empty();
            }
            states.add(ServiceState.billing(phase.from(), phase.plan(), phase.phase(), phase.quantity(),
                    row.get().recurring(), row.get().cadence(), row.get().mode()).withProration(phase.proration()));
        }
        return Optional.of(states);
    }

    private static List<CatalogPlan> signedPrices(PackHistory packs, SubscriptionView s, String plan) {
        if (s.signedPackVersion() == null || s.signedOn() == null) {
            return List.of();
        }
        return packs.version(s.signedPackVersion()).map(p -> p.plans().stream()
                .filter(r -> r.code().equals(plan) && r.currency().equals(s.currency())).toList()).orElse(List.of());
    }

    /**
     * What the subscription was billed before the decision, from the invoices in the events (void and discarded
     * ones not counted), as {@code BilledItems} reads it from the read model.
     */
    static List<BilledItem> billedItems(AccountFold fold, SubscriptionView s) {
        String firstPlan = s.phases().stream().map(PhaseStart::plan).filter(p -> p != null).findFirst()
                .orElse(s.plan());
        List<AccountFold.InvoiceState> invoices = new ArrayList<>(fold.invoices());
        invoices.sort(java.util.Comparator.comparing((AccountFold.InvoiceState i) -> i.invoiceDate));
        List<BilledItem> items = new ArrayList<>();
        for (AccountFold.InvoiceState invoice : invoices) {
            if (!invoice.counts()) {
                continue;
            }
            List<InvoiceLine> sorted = invoice.lines.stream()
                    .sorted(java.util.Comparator.comparingInt(InvoiceLine::lineNo)).toList();
            for (InvoiceLine l : sorted) {
                if (l.subscriptionId() == null || !l.subscriptionId().equals(s.subscriptionId())
                        || !List.of("RECURRING", "FIXED", "REPAIR").contains(l.itemType())) {
                    continue;
                }
                BigDecimal quantity = "RECURRING".equals(l.itemType()) && "hour".equals(l.unit())
                        && l.periodTo().isAfter(l.periodFrom())
                        ? l.quantity().divide(BigDecimal.valueOf(24L * (l.periodTo().toEpochDay()
                        - l.periodFrom().toEpochDay())), java.math.MathContext.DECIMAL128) : l.quantity();
                BigDecimal amount = l.amount();
                for (InvoiceLine d : sorted) {
                    if ("DISCOUNT".equals(d.itemType()) && d.discountOf() != null && d.discountOf() == l.lineNo()) {
                        amount = amount.add(d.amount());
                    }
                }
                items.add(new BilledItem(s.subscriptionId().toString(), l.plan() == null ? firstPlan : l.plan(),
                        l.phase() == null ? CatalogPlan.EVERGREEN : l.phase(), quantity.stripTrailingZeros().intValueExact(),
                        ItemKind.valueOf(l.itemType()), l.periodFrom(), l.periodTo(),
                        l.billingPeriodFrom() == null ? l.periodFrom() : l.billingPeriodFrom(),
                        l.billingPeriodTo() == null ? l.periodTo() : l.billingPeriodTo(), amount, l.repairsFrom(),
                        l.unitPrice(), l.taxRate(), invoice.number));
            }
        }
        return items;
    }

    private static boolean billed(AccountFold fold, UUID chargeId) {
        return fold.invoices().stream().filter(AccountFold.InvoiceState::counts)
                .anyMatch(i -> i.lines.stream().anyMatch(l -> chargeId.equals(l.chargeId())));
    }

    /** Coupons redeemed by the day, each with the invoices (not void or discarded) that already carried it. */
    private static List<RedeemedCoupon> coupons(AccountFold fold, AccountId account, LocalDate invoiceDate) {
        List<RedeemedCoupon> coupons = new ArrayList<>();
        for (CouponRedeemedEvent r : fold.coupons()) {
            if (!r.accountId().equals(account) || r.redeemedOn().isAfter(invoiceDate)) {
                continue;
            }
            int used = (int) fold.invoices().stream()
                    .filter(i -> i.counts() && i.accountId.equals(account))
                    .filter(i -> i.lines.stream().anyMatch(l -> r.code().equals(l.coupon())))
                    .count();
            coupons.add(new RedeemedCoupon(r.coupon(), r.redeemedOn(), used));
        }
        return coupons;
    }
}
