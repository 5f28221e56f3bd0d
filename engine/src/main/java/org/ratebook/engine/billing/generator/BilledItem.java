package org.ratebook.engine.billing.generator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An item already on an invoice. A repair names the span it gives back, and {@code repairs} the charge it
 * belongs to (that charge's {@code from}); for charges {@code repairs} is null. {@code unitPrice} and {@code taxRate} (percent) are
 * what the item was charged with, and {@code reference} says where it was billed (the invoice number), so a
 * repair can give back the tax too and say what it repairs.
 */
public record BilledItem(String subscriptionId, String plan, String phase, int quantity, ItemKind kind,
                         LocalDate from, LocalDate to, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount,
                         LocalDate repairs, BigDecimal unitPrice, BigDecimal taxRate, String reference) {

    public BilledItem(String subscriptionId, String plan, String phase, int quantity, ItemKind kind, LocalDate from,
                      LocalDate to, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, LocalDate repairs) {
        this(subscriptionId, plan, phase, quantity, kind, from, to, periodFrom, periodTo, amount, repairs, amount,
                BigDecimal.ZERO, null);
    }

    public static BilledItem charge(Span span, BigDecimal amount) {
        return new BilledItem(span.subscriptionId(), span.plan(), span.phase(), span.quantity(), span.kind(),
                span.from(), span.to(), span.periodFrom(), span.periodTo(), amount, null);
    }

    public static BilledItem repair(Repair repair) {
        BilledItem original = repair.original();
        return new BilledItem(original.subscriptionId(), original.plan(), original.phase(), original.quantity(),
                ItemKind.REPAIR, repair.from(), repair.to(), original.periodFrom(), original.periodTo(),
                repair.amount(), original.from(), original.unitPrice(), original.taxRate(), original.reference());
    }

    ItemKey key() {
        return new ItemKey(plan, phase, quantity, kind);
    }
}
