package org.ratebook.engine.billing.generator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An item already on an invoice. A repair names the span it gives back, and {@code repairs} the charge it
 * belongs to (that charge's {@code from}); for charges {@code repairs} is null.
 */
public record BilledItem(String subscriptionId, String plan, String phase, int quantity, ItemKind kind,
                         LocalDate from, LocalDate to, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount,
                         LocalDate repairs) {

    public static BilledItem charge(Span span, BigDecimal amount) {
        return new BilledItem(span.subscriptionId(), span.plan(), span.phase(), span.quantity(), span.kind(),
                span.from(), span.to(), span.periodFrom(), span.periodTo(), amount, null);
    }

    public static BilledItem repair(Repair repair) {
        BilledItem original = repair.original();
        return new BilledItem(original.subscriptionId(), original.plan(), original.phase(), original.quantity(),
                ItemKind.REPAIR, repair.from(), repair.to(), original.periodFrom(), original.periodTo(),
                repair.amount(), original.from());
    }

    ItemKey key() {
        return new ItemKey(plan, phase, quantity, kind);
    }
}
