package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.ratebook.console.api.ApiDtos.BillingRunResponse;
import org.ratebook.console.api.ApiDtos.InvoiceSummary;
import org.ratebook.console.api.limits.InputLimitException;
import org.ratebook.console.api.limits.InputLimits;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/api/v1/test-clock")
@Tag(name = "Test clock", description = "Sandbox tenants only: move time forward and let billing catch up")
public class TestClockController {

    public record AdvanceRequest(
            @NotBlank @Schema(example = "2026-03-01", description = "A date (start of day, UTC) or an instant") String to) {
    }

    public record TestClockResponse(Instant now, BillingRunResponse billing) {
    }

    private final TestClocks testClocks;
    private final InvoiceQueries invoices;

    public TestClockController(TestClocks testClocks, InvoiceQueries invoices) {
        this.testClocks = testClocks;
        this.invoices = invoices;
    }

    @RequiresScope(Scope.READ)
    @GetMapping
    @Operation(summary = "The sandbox tenant's current test time")
    public TestClockResponse now() {
        return new TestClockResponse(testClocks.now(CurrentCaller.tenant()), null);
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/advance")
    @Operation(summary = "Advance the test clock; runs billing for the new date (every period due on the way)")
    public TestClockResponse advance(@Valid @RequestBody AdvanceRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        Instant to = InputLimits.instant("'to'", parse(body.to()));
        Instant horizon = testClocks.now(tenant).atZone(ZoneOffset.UTC)
                .plusYears(InputLimits.MAX_CLOCK_ADVANCE_YEARS).toInstant();
        if (to.isAfter(horizon)) {
            throw new InputLimitException("a test clock moves at most " + InputLimits.MAX_CLOCK_ADVANCE_YEARS
                    + " years at once (every period on the way is billed): to " + horizon + " at the latest, not " + to);
        }
        TestClocks.Advanced advanced = testClocks.advance(tenant, to);
        invoices.awaitVisible(tenant, advanced.billing().issued(), Duration.ofSeconds(10));
        List<InvoiceSummary> issued = advanced.billing().issued().stream()
                .flatMap(id -> invoices.find(tenant, id).stream()).map(InvoiceSummary::of).toList();
        return new TestClockResponse(advanced.now(), BillingRunResponse.of(advanced.billing(), issued));
    }

    private static Instant parse(String to) {
        try {
            return to.length() == 10 ? LocalDate.parse(to).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(to);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new BadRequest("'" + to + "' is neither a date (2026-03-01) nor an instant (2026-03-01T10:00:00Z)");
        }
    }
}
