package org.ratebook.console.finance;

import org.ratebook.console.security.CurrentTenant;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service-side wall behind the finance pages' {@code @RolesAllowed}: analysts and tenant admins read and act,
 * auditors only read. Every read and every action of {@link FinanceActions} asks here first, so a hidden button
 * is not the only thing between an auditor and a payment.
 */
@Component
public class FinanceAccess {

    private final CurrentTenant currentTenant;

    public FinanceAccess(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    /** The tenant, for a user who may read finance pages. */
    public TenantId reader() {
        require(Role.ANALYST, Role.TENANT_ADMIN, Role.AUDITOR, Role.APPROVER);
        return currentTenant.require();
    }

    /** The tenant, for a user who may change money (not an auditor). */
    public TenantId actor() {
        require(Role.ANALYST, Role.TENANT_ADMIN);
        return currentTenant.require();
    }

    /** Whether the signed-in user may act (the pages show action buttons only then). */
    public boolean mayAct() {
        return has(Role.ANALYST, Role.TENANT_ADMIN);
    }

    private static void require(Role... roles) {
        if (!has(roles)) {
            throw new AccessDeniedException("this needs one of the roles " + java.util.Arrays.toString(roles));
        }
    }

    private static boolean has(Role... roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        for (Role role : roles) {
            if (held.contains("ROLE_" + role.name())) {
                return true;
            }
        }
        return false;
    }
}
