package org.ratebook.engine.billing.assembly;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.billing.generator.BilledItem;
import org.ratebook.engine.billing.generator.Repair;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.ItemType;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.fact.SubscriptionPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * <b>The pure assembler</b>: what is due on one invoice (the rules' decided lines for its spans, usage and one-off
 * charges, the repairs of billed time) and the account's credit, turned into the invoice's lines. No Spring, no
 * database, no clock: the same inputs always give the same lines, so the billing run, previews, dry runs and any
 * re-derivation of a past invoice (issue 13) call this one function with inputs read elsewhere.
 * <p>
 * The order is the invoice's: decided lines as the rules numbered them, then repairs; lines of a child account
 * on its parent's consolidated invoice name the child; last, a credit line when the total is negative (the rest is
 * kept as credit) or when credit is there to use.
 */
public final class InvoiceAssembler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private InvoiceAssembler() {
    }

    /**
     * What one invoice is made of.
     *
     * @param payer       the account the invoice is for (a parent receiving its children's lines too)
     * @param currency    the invoice's currency
     * @param taxRounding how the rule pack in effect on the invoice date rounds tax (for repairs' tax given back)
     * @param decided     the rules' lines for the due spans, usage and one-off charges, in their order
     * @param periods     the due spans the rules priced (to name each line's plan phase and billing period)
     * @param repairs     billed time no longer owed
     * @param billedFor   subscription or charge id → the account it bills (a child's on a parent's invoice)
     * @param childNames  the names of the child accounts in {@code billedFor}
     * @param credit      the account's credit available to this invoice (zero or more)
     */
    public record Input(AccountId payer, Currency currency, RoundingMode taxRounding, List<DecidedLine> decided,
                        List<SubscriptionPeriod> periods, List<Repair> repairs, Map<String, AccountId> billedFor,
                        Map<AccountId, String> childNames, BigDecimal credit) {
        public Input {
            Objects.requireNonNull(payer, "payer");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(taxRounding, "taxRounding");
            decided = List.copyOf(decided);
            periods = List.copyOf(periods);
            repairs = List.copyOf(repairs);
            billedFor = Map.copyOf(billedFor);
            childNames = Map.copyOf(childNames);
            Objects.requireNonNull(credit, "credit");
        }
    }

    /** The invoice's lines (empty: nothing to invoice); a credit line, if any, comes last. */
    public static List<InvoiceLine> assemble(Input in) {
        List<InvoiceLine> lines = new ArrayList<>();
        Map<String, SubscriptionPeriod> spans = new HashMap<>();
        in.periods().forEach(p -> spans.put(p.subscriptionId() + "|" + p.from(), p));
        for (DecidedLine d : in.decided()) {
            lines.add(d.meter() != null ? usageLine(d) : line(d, spans.get(d.subscriptionId() + "|" + d.from())));
        }
        for (Repair repair : in.repairs()) {
            lines.add(repairLine(lines.size() + 1, repair, in.currency(), in.taxRounding()));
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        lines = forChildren(in.payer(), lines, in.billedFor(), in.childNames());
        creditLine(lines.size() + 1, lines, in.credit(), in.currency()).ifPresent(lines::add);
        return List.copyOf(lines);
    }

    /** What an invoice's lines did to the account's credit: kept some (positive) or used some (negative). */
    public static BigDecimal creditMoved(List<InvoiceLine> lines) {
        return lines.stream().filter(ItemType.CREDIT::of).map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).negate();
    }

    /** A decided usage, true-up or adjustment line: its usage period, meter, unit, tiers and event count. */
    public static InvoiceLine usageLine(DecidedLine d) {
        return new InvoiceLine(d.lineNo(), new SubscriptionId(UUID.fromString(d.subscriptionId())), d.itemType(),
                d.description(), d.from(), d.to(), d.quantity(), d.unitPrice(), d.amount(), d.taxRate(),
                d.taxAmount(), d.taxLabel(), d.rules(), null, null, d.from(), d.to(), d.meter(), d.unit(),
                d.tiers().stream().map(t -> new UsageTierLine(t.label(), t.from(), t.to(), t.units(), t.unitPrice(),
                        t.flatFee(), t.amount())).toList(), d.transactions());
    }

    /**
     * A decided line, with the plan phase and billing period of the span it bills, or the one-off charge, and
     * the unit its quantity counts when that is not units of the plan (hours of an hourly price).
     */
    public static InvoiceLine line(DecidedLine d, SubscriptionPeriod span) {
        return new InvoiceLine(d.lineNo(), d.subscriptionId() == null ? null
                : new SubscriptionId(UUID.fromString(d.subscriptionId())), d.itemType(),
                d.description(), d.from(), d.to(), d.quantity(), d.unitPrice(), d.amount(), d.taxRate(),
                d.taxAmount(), d.taxLabel(), d.rules(), span == null ? null : span.plan(),
                span == null ? null : span.phase(), span == null ? null : span.periodFrom(),
                span == null ? null : span.periodTo(), d.discountOf(), d.coupon(), null,
                d.reference() == null ? null : UUID.fromString(d.reference()), null, d.unit(), List.of(), null);
    }

    /**
     * Billed time no longer owed, given back at the share of what was billed for it (and of its tax). Not a rule's
     * decision: it follows from the earlier charge, which names the rules that priced it.
     */
    public static InvoiceLine repairLine(int lineNo, Repair repair, Currency currency, RoundingMode taxRounding) {
        BilledItem original = repair.original();
        BigDecimal tax = repair.amount().multiply(original.taxRate()).movePointLeft(2)
                .setScale(currency.getDefaultFractionDigits(), taxRounding);
        String description = "Unused time of " + original.plan()
                + (original.reference() == null ? "" : " billed on " + original.reference())
                + " (" + DAY.format(original.from()) + " to " + DAY.format(original.to()) + ")";
        return new InvoiceLine(lineNo, new SubscriptionId(UUID.fromString(original.subscriptionId())),
                ItemType.REPAIR.name(), description, repair.from(), repair.to(),
                BigDecimal.valueOf(original.quantity()), original.unitPrice(), repair.amount(), original.taxRate(),
                tax, "Tax given back at the rate charged", List.of(), original.plan(), original.phase(),
                original.periodFrom(), original.periodTo(), null, null, original.from(), (UUID) null);
    }

    /** On a parent's consolidated invoice, a line for a child account names the child. */
    static List<InvoiceLine> forChildren(AccountId payer, List<InvoiceLine> lines, Map<String, AccountId> billedFor,
                                         Map<AccountId, String> childNames) {
        List<InvoiceLine> named = new ArrayList<>();
        for (InvoiceLine l : lines) {
            String source = l.subscriptionId() != null ? l.subscriptionId().toString()
                    : l.chargeId() != null ? l.chargeId().toString() : null;
            AccountId child = source == null ? null : billedFor.get(source);
            if (child == null || child.equals(payer)) {
                named.add(l);
                continue;
            }
            named.add(l.withDescription(l.description() + ", for " + childNames.getOrDefault(child,
                    child.toString())));
        }
        return named;
    }

    /**
     * Account credit is created by an invoice whose total is negative (the total becomes zero and the rest is
     * kept for later), and used, up to what an invoice asks for, by the next invoices.
     */
    public static Optional<InvoiceLine> creditLine(int lineNo, List<InvoiceLine> lines, BigDecimal credit,
                                                   Currency currency) {
        BigDecimal total = lines.stream().map(l -> l.amount().add(l.taxAmount())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal moved;
        String description;
        if (total.signum() < 0) {
            moved = total.negate();
            description = "Credit kept on the account for later invoices";
        } else if (total.signum() > 0 && credit.signum() > 0) {
            moved = total.min(credit).negate();
            description = "Account credit used";
        } else {
            return Optional.empty();
        }
        moved = moved.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        BigDecimal zero = BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
        return Optional.of(new InvoiceLine(lineNo, null, ItemType.CREDIT.name(), description, null, null,
                BigDecimal.ONE, moved, moved, BigDecimal.ZERO, zero, "No tax on credit", List.of(), null, null, null,
                null, null, null, null, null, null, null, List.of(), null));
    }
}
