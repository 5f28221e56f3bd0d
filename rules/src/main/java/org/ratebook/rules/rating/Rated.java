package org.ratebook.rules.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * A usage quantity priced by one charge, exactly: {@code amount} has every digit the arithmetic produced and
 * is rounded once, to the currency, by {@link org.ratebook.rules.decision.Decisions}.
 *
 * @param billable   what was charged for: the quantity less free units (for percentages, the amount)
 * @param unitPrice  the one price that applies (per unit, per package, volume tier, markup factor), or for models
 *                   with several prices the average per billable unit at {@link ChargeRating#AVERAGE_SCALE}
 *                   decimals, for display only
 * @param breakdown  tiers or parts that make the amount, in order
 * @param summary    the model in words for the line's description ("graduated tiers", "13 packages of 10")
 */
public record Rated(BigDecimal billable, BigDecimal unitPrice, BigDecimal amount, List<TierCharge> breakdown,
                    String summary) {
    public Rated {
        breakdown = List.copyOf(breakdown);
    }
}
