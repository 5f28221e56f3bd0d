package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A subscription's usage of one meter over one billing period [from, to), due to be invoiced (usage is billed
 * in arrear). {@code quantity} is aggregated as the meter says (sum, max, count, unique count, last,
 * time-weighted) from {@code events} usage events.
 * <p>
 * When the period was invoiced before and its usage changed since (late or corrected usage),
 * {@code billedAmount} is what earlier invoices charged for it (usage, true-up and adjustments) and
 * {@code billedQuantity} the quantity they charged for; the period is then re-rated and only the difference is
 * invoiced, as an adjustment. Both are null for a period invoiced for the first time.
 *
 * @param transactions     the events' quantities, for charges priced per transaction (a percentage with a minimum
 *                         or maximum per transaction, free events); none otherwise
 * @param trailingAverage  the average quantity of the periods invoiced before it (up to three), null if none
 */
public record UsagePeriod(String subscriptionId, String plan, String meter, String unit, String currency,
                          LocalDate from, LocalDate to, BigDecimal quantity, long events,
                          TransactionAmounts transactions, BigDecimal billedAmount, BigDecimal billedQuantity,
                          BigDecimal trailingAverage) {

    public UsagePeriod {
        transactions = transactions == null ? TransactionAmounts.NONE : transactions;
        if (quantity == null) {
            throw new IllegalArgumentException("a usage period needs a quantity (0 when nothing was used)");
        }
    }

    /** A period invoiced for the first time, its total only. */
    public UsagePeriod(String subscriptionId, String plan, String meter, String unit, String currency,
                       LocalDate from, LocalDate to, BigDecimal quantity, long events) {
        this(subscriptionId, plan, meter, unit, currency, from, to, quantity, events, TransactionAmounts.NONE, null,
                null, null);
    }

    /** Whether the period was invoiced before and is being re-rated. */
    public boolean rerated() {
        return billedAmount != null;
    }

    /** The trace records every fact a rule matched; a million amounts would swamp it, so they are summarised. */
    @Override
    public String toString() {
        return "UsagePeriod[subscriptionId=" + subscriptionId + ", plan=" + plan + ", meter=" + meter + ", unit="
                + unit + ", currency=" + currency + ", from=" + from + ", to=" + to + ", quantity="
                + quantity.toPlainString() + ", events=" + events
                + (transactions.isEmpty() ? "" : ", transactions=" + transactions)
                + (billedAmount == null ? "" : ", billedAmount=" + billedAmount.toPlainString()
                + ", billedQuantity=" + (billedQuantity == null ? null : billedQuantity.toPlainString()))
                + (trailingAverage == null ? "" : ", trailingAverage=" + trailingAverage.toPlainString()) + "]";
    }
}
