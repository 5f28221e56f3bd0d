package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One account's unpaid invoices on a date, as the suspension rules see them. Days are counted from the due
 * date of the oldest invoice still unpaid ({@code daysPastDue}, 0 while nothing is past due). The balances
 * are what the invoices still ask for, in the account's currency; {@code unpaid…} counts every open invoice,
 * {@code overdue…} only those past their due date. {@code state} is the account's state before this
 * decision, since {@code stateSince} (null while it has always been in good standing).
 */
public record AccountStanding(String accountId, String currency, LocalDate asOf, LocalDate oldestUnpaidDueDate,
                              int daysPastDue, BigDecimal unpaidBalance, int unpaidInvoices,
                              BigDecimal overdueBalance, int overdueInvoices, DunningState state,
                              LocalDate stateSince) {

    public AccountStanding {
        java.util.Objects.requireNonNull(asOf, "asOf");
        if (daysPastDue < 0 || unpaidInvoices < 0 || overdueInvoices < 0 || overdueInvoices > unpaidInvoices) {
            throw new IllegalArgumentException("inconsistent standing: " + daysPastDue + " days past due, "
                    + unpaidInvoices + " unpaid and " + overdueInvoices + " overdue invoices");
        }
        state = state == null ? DunningState.GOOD : state;
    }

    /** Days the account has been in its current state; 0 if it has always been in good standing. */
    public long daysInState() {
        return stateSince == null ? 0 : Math.max(0, asOf.toEpochDay() - stateSince.toEpochDay());
    }
}
