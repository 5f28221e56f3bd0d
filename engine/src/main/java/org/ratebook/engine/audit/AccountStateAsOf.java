package org.ratebook.engine.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What was true of an account at the end of {@code asOf}, folded from the events up to that day (not read from
 * today's tables). {@code eventsFolded} says how many events made it.
 */
public record AccountStateAsOf(LocalDate asOf, boolean existed, Details account, List<Subscription> subscriptions,
                               List<Balance> balances, List<OpenInvoice> openInvoices, String dunningState,
                               long eventsFolded) {

    public record Details(String accountId, String name, String email, String currency, String country,
                          String timeZone, String taxId, String taxRegion, boolean business, boolean taxIdValid,
                          boolean taxExempt, String exemptionReason, String segment, String parentAccountId,
                          boolean invoicesGoToParent) {
    }

    /** {@code status}: ACTIVE, PAUSED, CANCELLED (ended), PENDING (starts later) as of the day. */
    public record Subscription(String subscriptionId, String plan, String phase, Integer quantity, String status,
                               LocalDate startDate, LocalDate endsOn) {
    }

    public record Balance(String currency, BigDecimal openInvoices, BigDecimal credit, BigDecimal balance) {
    }

    public record OpenInvoice(String invoiceId, String number, LocalDate invoiceDate, LocalDate dueDate,
                              String currency, BigDecimal total, BigDecimal due) {
    }
}
