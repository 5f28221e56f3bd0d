package org.ratebook.console.security;

import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.TenantId;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in console user; carries the tenant so every view reads only that tenant's data, and one authority
 * {@code ROLE_X} per role. A disabled user is refused at sign-in, and so is every user of a suspended tenant. The
 * operator's details are a subclass, so views that read {@code ConsoleUserDetails} work for him too.
 */
public class ConsoleUserDetails extends User implements TenantPrincipal {

    private final TenantId tenantId;

    /** For the operator ({@link OperatorDetails}), whose tenant is the one he works on, or null. */
    protected ConsoleUserDetails(String username, String passwordHash,
                                 java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities,
                                 TenantId tenantId) {
        super(username, passwordHash, authorities);
        this.tenantId = tenantId;
    }

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
        return o instanceof ConsoleUserDetails other && o.getClass() == getClass() && super.equals(other)
                && java.util.Objects.equals(tenantId, other.tenantId);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + java.util.Objects.hashCode(tenantId);
    }
}
