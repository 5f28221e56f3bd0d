package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a pack's dunning thresholds table ({@code dunning.thresholds}): the state an account reaches once
 * its oldest unpaid invoice is {@code daysPastDue} days past due (0: whether or not anything is past due) and, when
 * given, at least {@code minOverdueBalance} in {@code currency} is overdue, at least {@code minUnpaidInvoices}
 * invoices are unpaid and at least {@code minUnpaidBalance} in {@code currency} is unpaid, due or not (Kill Bill's
 * {@code totalUnpaidInvoiceBalanceEqualsOrExceeds}); and what that state makes happen. Every condition of a row
 * must hold, as in Kill Bill's overdue conditions; rows for the same state in other currencies give a threshold
 * per currency. The thresholds are data so a seller tunes its policy without writing rules; a pack's suspension
 * rules decide what a reached threshold means (see the msp example pack). Its text names the row, so a standing's
 * trace says which threshold was reached.
 */
public record DunningThreshold(DunningState state, int daysPastDue, BigDecimal minOverdueBalance, String currency,
                               int minUnpaidInvoices, List<DunningAction> actions, BigDecimal minUnpaidBalance) {

    /** A row without a minimum unpaid balance (the table's first form). */
    public DunningThreshold(DunningState state, int daysPastDue, BigDecimal minOverdueBalance, String currency,
                            int minUnpaidInvoices, List<DunningAction> actions) {
        this(state, daysPastDue, minOverdueBalance, currency, minUnpaidInvoices, actions, null);
    }

    public DunningThreshold {
        Objects.requireNonNull(state, "state");
        if (state == DunningState.GOOD) {
            throw new IllegalArgumentException("a threshold puts an account in a dunning state; GOOD is where it "
                    + "stands when no threshold is reached");
        }
        if (daysPastDue < 0 || minUnpaidInvoices < 0) {
            throw new IllegalArgumentException("days past due and unpaid invoices are counted from 0");
        }
        if ((minOverdueBalance == null && minUnpaidBalance == null) != (currency == null)) {
            throw new IllegalArgumentException("a minimum overdue or unpaid balance needs its currency, and a currency "
                    + "a balance");
        }
        if ((minOverdueBalance != null && minOverdueBalance.signum() < 0)
                || (minUnpaidBalance != null && minUnpaidBalance.signum() < 0)) {
            throw new IllegalArgumentException("a minimum balance is not negative");
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * Whether the account has reached this threshold: late enough, with enough unpaid invoices and, if the row
     * asks for them, enough overdue and enough unpaid in the row's currency (an account billed in another currency
     * never reaches a threshold with a balance).
     */
    public boolean reachedBy(AccountStanding standing) {
        if (standing.daysPastDue() < daysPastDue || standing.unpaidInvoices() < minUnpaidInvoices) {
            return false;
        }
        if (currency != null && !currency.equals(standing.currency())) {
            return false;
        }
        return atLeast(standing.overdueBalance(), minOverdueBalance)
                && atLeast(standing.unpaidBalance(), minUnpaidBalance);
    }

    private static boolean atLeast(BigDecimal balance, BigDecimal minimum) {
        return minimum == null || (balance != null && balance.compareTo(minimum) >= 0);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("threshold ").append(state).append(" at ").append(daysPastDue)
                .append(" days past due");
        if (minOverdueBalance != null) {
            text.append(", ").append(currency).append(' ').append(minOverdueBalance.toPlainString()).append(" overdue");
        }
        if (minUnpaidInvoices > 0) {
            text.append(", ").append(minUnpaidInvoices).append(" unpaid invoices");
        }
        if (minUnpaidBalance != null) {
            text.append(", ").append(currency).append(' ').append(minUnpaidBalance.toPlainString()).append(" unpaid");
        }
        return text.append(actions.isEmpty() ? "" : actions.stream().map(Enum::name)
                .collect(Collectors.joining(", ", ": ", ""))).toString();
    }
}
