package org.ratebook.console.security;

import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.TenantId;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in console user; carries the tenant so every view reads only that tenant's data, and one authority
 * {@code ROLE_X} per role. A disabled user is refused at sign-in, and so is every user of a suspended tenant.
 */
public class ConsoleUserDetails extends User implements TenantPrincipal {

    private final TenantId tenantId;

    public ConsoleUserDetails(ConsoleUser user) {
        this(user, true);
    }

    public ConsoleUserDetails(ConsoleUser user, boolean tenantActive) {
        super(user.username(), user.passwordHash(), user.enabled(), true, true, tenantActive,
                AuthorityUtils.createAuthorityList(user.roles().stream().map(r -> "ROLE_" + r.name())
                        .toArray(String[]::new)));
        this.tenantId = user.tenant();
    }

    @Override
    public TenantId tenantId() {
        return tenantId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsoleUserDetails other && super.equals(other) && tenantId.equals(other.tenantId);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + tenantId.hashCode();
    }
}
