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
import org.ratebook.engine.billing.BillingRunJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/billing-runs")
@Tag(name = "Billing runs", description = "Invoicing everything of the tenant that is due on a target date")
public class BillingRunsController {

    private final BillingRun billingRun;
    private final InvoiceQueries invoices;
    private final TenantClocks clocks;
    private final BillingRunJobs jobs;

    public BillingRunsController(BillingRun billingRun, InvoiceQueries invoices, TenantClocks clocks,
                                 BillingRunJobs jobs) {
        this.billingRun = billingRun;
        this.invoices = invoices;
        this.clocks = clocks;
        this.jobs = jobs;
    }

    /** A billing run in the background, as it stands: accounts done of those due, invoices, amounts, problems. */
    public record BillingRunProgress(UUID runId, String state, String target, LocalDate targetDate, Instant targetAt,
                                     String requestedBy, Instant startedAt, Instant finishedAt, int accountsDue,
                                     int accountsDone, int accountsFailed, int invoices,
                                     @io.swagger.v3.oas.annotations.media.Schema(description = "Invoiced amount "
                                             + "with tax per currency, as decimal strings") Map<String, String> amounts,
                                     List<String> problems,
                                     @io.swagger.v3.oas.annotations.media.Schema(description = "Items worked per "
                                             + "node (pid@host)") Map<String, Integer> nodes) {
        static BillingRunProgress of(BillingRunJobs.Progress p) {
            Map<String, String> amounts = new TreeMap<>();
            p.amounts().forEach((currency, amount) -> amounts.put(currency, amount.setScale(
                    Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP).toPlainString()));
            return new BillingRunProgress(p.runId(), p.state(), p.target(), p.targetDate(), p.targetAt(),
                    p.requestedBy(), p.startedAt(), p.finishedAt(), p.accountsDue(), p.accountsDone(),
                    p.accountsFailed(), p.invoices(), amounts, p.problems(), p.itemsByNode());
        }
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping(params = "async=true")
    @Operation(summary = "Start a billing run in the background (202 with the run)",
            description = "The nodes share the run: each claims chunks of the accounts due. Starting a run for a "
                    + "target that is running already answers with that run. Follow it at the Location.")
    public ResponseEntity<BillingRunProgress> start(@RequestBody(required = false) BillingRunRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        LocalDate target = target(tenant, body);
        Instant at = body == null || body.targetDate() == null ? clocks.of(tenant).instant() : null;
        UUID runId = jobs.start(tenant, target, at, CurrentCaller.name());
        return ResponseEntity.accepted().location(URI.create("/api/v1/billing-runs/" + runId))
                .body(BillingRunProgress.of(jobs.find(tenant, runId)));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{runId}")
    @Operation(summary = "A billing run's state and progress")
    public BillingRunProgress get(@PathVariable UUID runId) {
        return BillingRunProgress.of(jobs.find(CurrentCaller.tenant(), runId));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{runId}/cancel")
    @Operation(summary = "Cancel a running billing run",
            description = "What is invoiced stays invoiced; the rest waits for a resume. A finished run is a 409.")
    public BillingRunProgress cancel(@PathVariable UUID runId) {
        return BillingRunProgress.of(jobs.cancel(CurrentCaller.tenant(), runId));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{runId}/resume")
    @Operation(summary = "Resume a cancelled billing run",
            description = "Accounts not yet invoiced (and those that failed) are worked again; nothing is invoiced "
                    + "twice. A finished run is a 409.")
    public BillingRunProgress resume(@PathVariable UUID runId) {
        return BillingRunProgress.of(jobs.resume(CurrentCaller.tenant(), runId));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping
    @Operation(summary = "Run billing for a target date, or for now",
            description = "Without a targetDate, bills what is due now, each account on its own calendar date (its "
                    + "time zone). Safe to repeat: an invoice already issued for an account and date is not issued "
                    + "again.")
    public BillingRunResponse run(@RequestBody(required = false) BillingRunRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        LocalDate target = target(tenant, body);
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

    /** The request's target date, or the tenant's today; never a day ahead of the tenant's clock. */
    private LocalDate target(TenantId tenant, BillingRunRequest body) {
        LocalDate today = LocalDate.now(clocks.of(tenant));
        LocalDate target = body == null || body.targetDate() == null ? today : body.targetDate();
        if (target.isAfter(today)) {
            throw new BillingRejection("targetDate " + target + " is in the future (today is " + today
                    + "); billing ahead of time is not allowed");
        }
        return target;
    }
}
