package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.operator.TenantOnboarding;
import org.ratebook.console.security.RequiresScope;
import org.ratebook.engine.NotFoundException;
import org.ratebook.tenants.Scope;
import org.ratebook.tenants.TenantAdministration;
import org.ratebook.tenants.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The operator's tenants: create (live or sandbox) with a first admin, list with counts, suspend, reactivate. */
@RestController
@RequestMapping("/api/v1/operator/tenants")
@RequiresScope(Scope.OPERATOR)
@Tag(name = "Operator", description = "Tenants of the installation; needs the operator's key (rbo_…)")
public class OperatorTenantsController {

    public record TenantView(String tenantId, String name, String status, boolean sandbox, Instant testClock,
                             String parentTenantId, Instant createdAt, long users, long apiKeys, long accounts,
                             long invoices) {
        static TenantView of(TenantAdministration.TenantSummary t) {
            return new TenantView(t.id().value(), t.name(), t.status().name(), t.sandbox(), t.testClock(),
                    t.parent() == null ? null : t.parent().value(), t.createdAt(), t.users(), t.apiKeys(),
                    t.accounts(), t.invoices());
        }
    }

    private final TenantOnboarding onboarding;

    public OperatorTenantsController(TenantOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping
    @Operation(summary = "Every tenant with its status and counts of users, active keys, accounts and invoices")
    public List<TenantView> list() {
        return onboarding.list().stream().map(TenantView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tenant (a sandbox when sandboxClockStart is given) with the default rule pack and "
            + "its first admin; the admin's one-time password is in the answer, shown once")
    public TenantOnboarding.Onboarded create(@RequestBody TenantOnboarding.NewTenantRequest body) {
        return onboarding.create(body);
    }

    @PostMapping("/{tenantId}/suspend")
    @Operation(summary = "Suspend a tenant: its data is kept, its users and keys are refused with a clear message")
    public TenantView suspend(@PathVariable String tenantId) {
        return status(tenantId, TenantAdministration.Status.SUSPENDED);
    }

    @PostMapping("/{tenantId}/reactivate")
    @Operation(summary = "Reactivate a suspended tenant")
    public TenantView reactivate(@PathVariable String tenantId) {
        return status(tenantId, TenantAdministration.Status.ACTIVE);
    }

    private TenantView status(String tenantId, TenantAdministration.Status status) {
        TenantId id = TenantId.of(tenantId);
        onboarding.setStatus(id, status);
        return onboarding.list().stream().filter(t -> t.id().equals(id)).findFirst().map(TenantView::of)
                .orElseThrow(() -> new NotFoundException("no tenant '" + tenantId + "'"));
    }
}
