package org.ratebook.console.security;

import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantId;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.Objects;

/**
 * The signed-in operator. Not bound to a tenant; once he chooses one to work on ({@link OperatorTenantSwitch}),
 * that tenant is his {@link #tenantId()} and he holds TENANT_ADMIN and AUDITOR for it (support: users, keys,
 * settings, reading), never ANALYST or APPROVER (billing and prices stay the tenant's own business).
 */
public class OperatorDetails extends ConsoleUserDetails {

    private final TenantId workingOn;

    public OperatorDetails(String username, String passwordHash, TenantId workingOn) {
        super(username, passwordHash == null ? "" : passwordHash, workingOn == null
                ? AuthorityUtils.createAuthorityList("ROLE_" + Role.Names.OPERATOR)
                : AuthorityUtils.createAuthorityList("ROLE_" + Role.Names.OPERATOR, "ROLE_" + Role.Names.TENANT_ADMIN,
                        "ROLE_" + Role.Names.AUDITOR), workingOn);
        this.workingOn = workingOn;
    }

    /** The tenant the operator works on, or null before he chose one. */
    @Override
    public TenantId tenantId() {
        return workingOn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperatorDetails other && super.equals(other) && Objects.equals(workingOn, other.workingOn);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + Objects.hashCode(workingOn);
    }
}
