package org.ratebook.engine.dunning;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.api.StandingFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Currency;
import java.util.UUID;

/** One open invoice as dunning sees it: when it was issued, when it is due, what it still asks for. */
record Receivable(AccountId account, UUID invoiceId, LocalDate invoiceDate, LocalDate dueDate, BigDecimal balance) {

    /**
     * The figures of {@code open} on {@code day}: only invoices issued by then count (a test clock's catch-up
     * walks days before later invoices existed), and an invoice is past due from the day after its due date.
     */
    static StandingFigures figures(String currency, Collection<Receivable> open, LocalDate day) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal unpaid = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        int unpaidCount = 0;
        int overdueCount = 0;
        LocalDate oldestDue = null;
        for (Receivable r : open) {
            if (r.invoiceDate().isAfter(day) || r.balance().signum() <= 0) {
                continue;
            }
            unpaid = unpaid.add(r.balance());
            unpaidCount++;
            if (oldestDue == null || r.dueDate().isBefore(oldestDue)) {
                oldestDue = r.dueDate();
            }
            if (r.dueDate().isBefore(day)) {
                overdue = overdue.add(r.balance());
                overdueCount++;
            }
        }
        int daysPastDue = oldestDue == null || !oldestDue.isBefore(day) ? 0
                : Math.toIntExact(ChronoUnit.DAYS.between(oldestDue, day));
        return new StandingFigures(currency, oldestDue, daysPastDue, unpaid.setScale(scale), unpaidCount,
                overdue.setScale(scale), overdueCount);
    }
}
