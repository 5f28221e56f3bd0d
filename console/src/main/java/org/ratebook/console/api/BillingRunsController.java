package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.api.ApiDtos.BillingRunRequest;
import org.ratebook.console.api.ApiDtos.BillingRunResponse;
import org.ratebook.console.api.ApiDtos.InvoiceSummary;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/billing-runs")
@Tag(name = "Billing runs", description = "Invoicing everything of the tenant that is due on a target date")
public class BillingRunsController {

    private final BillingRun billingRun;
    private final InvoiceQueries invoices;
    private final TenantClocks clocks;

    public BillingRunsController(BillingRun billingRun, InvoiceQueries invoices, TenantClocks clocks) {
        this.billingRun = billingRun;
        this.invoices = invoices;
        this.clocks = clocks;
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping
    @Operation(summary = "Run billing for a target date, or for now",
            description = "Without a targetDate, bills what is due now, each account on its own calendar date (its "
                    + "time zone). Safe to repeat: an invoice already issued for an account and date is not issued "
                    + "again.")
    public BillingRunResponse run(@RequestBody(required = false) BillingRunRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        LocalDate today = LocalDate.now(clocks.of(tenant));
        LocalDate target = body == null || body.targetDate() == null ? today : body.targetDate();
        if (target.isAfter(today)) {
            throw new BillingRejection("targetDate " + target + " is in the future (today is " + today
                    + "); billing ahead of time is not allowed");
        }
        // without a date, bill what is due now, each account by its own calendar (as the hourly scheduler does):
        // at 23:30 UTC a Berlin account is already on the next day and a Los Angeles one is not
        BillingRunResult result = body == null || body.targetDate() == null
                ? billingRun.runAt(tenant, clocks.of(tenant).instant())
                : billingRun.run(tenant, target);
        // the invoice read model follows the event store by milliseconds; answer with what a GET will show
        invoices.awaitVisible(tenant, result.issued(), Duration.ofSeconds(10));
        List<InvoiceSummary> issued = result.issued().stream()
                .flatMap(id -> invoices.find(tenant, id).stream()).map(InvoiceSummary::of).toList();
        return BillingRunResponse.of(result, issued);
    }
}
