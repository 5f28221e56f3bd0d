package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.admin.TenantAdminService;
import org.ratebook.console.operator.TenantOnboarding;
import org.ratebook.console.security.RequiresScope;
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

import java.util.List;

/** A reseller's sub-tenants: its admin creates them (with their first admin), lists, suspends and reactivates them. */
@RestController
@RequestMapping("/api/v1/sub-tenants")
@RequiresScope(Scope.ADMIN)
@Tag(name = "Sub-tenants", description = "Resellers: tenants owned by this tenant, each with its own branding")
public class SubTenantsController {

    private final TenantAdminService admin;

    public SubTenantsController(TenantAdminService admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "This tenant's sub-tenants with their counts")
    public List<OperatorTenantsController.TenantView> list() {
        return admin.subTenants().stream().map(OperatorTenantsController.TenantView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a sub-tenant and its first admin; the admin's one-time password is in the answer, once")
    public TenantOnboarding.Onboarded create(@RequestBody TenantOnboarding.NewTenantRequest body) {
        return admin.createSubTenant(body);
    }

    @PostMapping("/{tenantId}/suspend")
    @Operation(summary = "Suspend a sub-tenant: data kept, its users and keys refused")
    public OperatorTenantsController.TenantView suspend(@PathVariable String tenantId) {
        return status(tenantId, TenantAdministration.Status.SUSPENDED);
    }

    @PostMapping("/{tenantId}/reactivate")
    @Operation(summary = "Reactivate a suspended sub-tenant")
    public OperatorTenantsController.TenantView reactivate(@PathVariable String tenantId) {
        return status(tenantId, TenantAdministration.Status.ACTIVE);
    }

    private OperatorTenantsController.TenantView status(String tenantId, TenantAdministration.Status status) {
        TenantId id = TenantId.of(tenantId);
        admin.setSubTenantStatus(id, status);
        return admin.subTenants().stream().filter(t -> t.id().equals(id)).findFirst()
                .map(OperatorTenantsController.TenantView::of).orElseThrow();
    }
}
