package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * A change of a subscription someone asked for, for the change policy rules to time. Prices are per month
 * ({@code monthlyFrom}, {@code monthlyTo}: the plan's price over its period's months, zero for a phase billed
 * once), so a yearly plan and a monthly one compare; {@code kind} follows from them.
 */
public record PlanChange(String subscriptionId, ChangeKind kind, String fromPlan, String toPlan, int fromQuantity,
                         int toQuantity, BigDecimal monthlyFrom, BigDecimal monthlyTo, String currency,
                         LocalDate requestedOn) {

    public static PlanChange ofPlan(String subscriptionId, CatalogPlan from, CatalogPlan to, int quantity,
                                    LocalDate requestedOn) {
        BigDecimal before = monthly(from);
        BigDecimal after = monthly(to);
        int order = after.compareTo(before);
        ChangeKind kind = order > 0 ? ChangeKind.UPGRADE : order < 0 ? ChangeKind.DOWNGRADE : ChangeKind.LATERAL;
        return new PlanChange(subscriptionId, kind, from.code(), to.code(), quantity, quantity, before, after,
                from.currency(), requestedOn);
    }

    public static PlanChange ofQuantity(String subscriptionId, CatalogPlan plan, int from, int to,
                                        LocalDate requestedOn) {
        BigDecimal price = monthly(plan);
        return new PlanChange(subscriptionId, to > from ? ChangeKind.QUANTITY_UP : ChangeKind.QUANTITY_DOWN,
                plan.code(), plan.code(), from, to, price, price, plan.currency(), requestedOn);
    }

    public static PlanChange ofCancel(String subscriptionId, CatalogPlan plan, int quantity, LocalDate requestedOn) {
        BigDecimal price = monthly(plan);
        return new PlanChange(subscriptionId, ChangeKind.CANCEL, plan.code(), null, quantity, 0, price,
                BigDecimal.ZERO, plan.currency(), requestedOn);
    }

    private static BigDecimal monthly(CatalogPlan plan) {
        return plan.recurring() ? plan.cadence().perMonth(plan.price()) : BigDecimal.ZERO;
    }
}
