package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.engine.metrics.FinanceMetrics;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The dashboard's figures over REST: the same rows the console draws and lists. */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics", description = "MRR and its movement, revenue, receivables by age, overdue accounts")
public class MetricsController {

    private final FinanceMetrics metrics;
    private final TenantClocks clocks;

    public MetricsController(FinanceMetrics metrics, TenantClocks clocks) {
        this.metrics = metrics;
        this.clocks = clocks;
    }

    private LocalDate today(TenantId tenant) {
        return LocalDate.now(clocks.of(tenant));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/mrr")
    @Operation(summary = "MRR by month and currency, with its movement (new, expansion, contraction, churn, "
            + "reactivation)", description = "months 1–36 (default 12), ending with the current month.")
    public List<FinanceMetrics.MrrMonth> mrr(@RequestParam(defaultValue = "12") int months) {
        if (months < 1 || months > 36) {
            throw new BadRequest("months must be 1 to 36, not " + months);
        }
        TenantId tenant = CurrentCaller.tenant();
        return metrics.mrr(tenant, today(tenant), months);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/revenue-by-customer")
    @Operation(summary = "Net revenue invoiced since a date (default: 12 months ago), by customer, largest first",
            description = "limit 1–100 (default 10).")
    public List<FinanceMetrics.Revenue> revenueByCustomer(@RequestParam(required = false) LocalDate from,
                                                          @RequestParam(defaultValue = "10") int limit) {
        TenantId tenant = CurrentCaller.tenant();
        checkLimit(limit);
        return metrics.revenueByCustomer(tenant, from == null ? today(tenant).minusMonths(12) : from, limit);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/revenue-by-product")
    @Operation(summary = "Net revenue invoiced since a date (default: 12 months ago), by plan, meter or kind of "
            + "charge, largest first", description = "limit 1–100 (default 10).")
    public List<FinanceMetrics.Revenue> revenueByProduct(@RequestParam(required = false) LocalDate from,
                                                         @RequestParam(defaultValue = "10") int limit) {
        TenantId tenant = CurrentCaller.tenant();
        checkLimit(limit);
        return metrics.revenueByProduct(tenant, from == null ? today(tenant).minusMonths(12) : from, limit);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/receivables")
    @Operation(summary = "What open invoices still ask for, by age past their due date and currency")
    public List<FinanceMetrics.AgeBucket> receivables() {
        TenantId tenant = CurrentCaller.tenant();
        return metrics.receivables(tenant, today(tenant));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/overdue-accounts")
    @Operation(summary = "Accounts with invoices past due, most overdue first", description = "limit 1–100 (default 20).")
    public List<FinanceMetrics.Overdue> overdue(@RequestParam(defaultValue = "20") int limit) {
        TenantId tenant = CurrentCaller.tenant();
        checkLimit(limit);
        return metrics.overdueAccounts(tenant, today(tenant), limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 100) {
            throw new BadRequest("limit must be 1 to 100, not " + limit);
        }
    }
}
