package org.ratebook.engine.billing;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one billing run did: the invoices it issued, how many were already issued by an earlier run, the due
 * periods it could not price (each with a reason a person can act on), and the accounts it could not bill at all
 * because working out or issuing their invoice failed. A run never fails whole: one account's failure (a rule
 * that throws, a pack that is too slow, a command that fails) is that account's, and the others are billed.
 */
public record BillingRunResult(TenantId tenantId, LocalDate targetDate, List<UUID> issued, int alreadyInvoiced,
                               List<String> problems, List<AccountFailure> failures, List<Issued> invoices) {

    /** An invoice the run issued (or drafted): for whom, for which date, and its total with tax. */
    public record Issued(UUID invoiceId, AccountId account, LocalDate invoiceDate, String currency, BigDecimal total) {
    }

    /** An account the run left unbilled, the invoice date it was billing (null: before any), and why. */
    public record AccountFailure(AccountId account, LocalDate invoiceDate, String reason) {
        public AccountFailure {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public BillingRunResult {
        issued = List.copyOf(issued);
        problems = List.copyOf(problems);
        failures = List.copyOf(failures);
        invoices = List.copyOf(invoices);
    }

    public BillingRunResult(TenantId tenantId, LocalDate targetDate, List<UUID> issued, int alreadyInvoiced,
                            List<String> problems, List<AccountFailure> failures) {
        this(tenantId, targetDate, issued, alreadyInvoiced, problems, failures, List.of());
    }

    public BillingRunResult(TenantId tenantId, LocalDate targetDate, List<UUID> issued, int alreadyInvoiced,
                            List<String> problems) {
        this(tenantId, targetDate, issued, alreadyInvoiced, problems, List.of());
    }
}
