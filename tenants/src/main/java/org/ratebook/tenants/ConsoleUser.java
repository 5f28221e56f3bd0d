package org.ratebook.tenants;

import java.util.EnumSet;
import java.util.Set;

/**
 * A person who signs in to the console for one tenant, with one or more roles; the password is stored as an
 * encoder's hash only. A disabled user is kept (their name stays on what they did) but cannot sign in.
 */
public record ConsoleUser(TenantId tenant, String username, String passwordHash, Set<Role> roles, boolean enabled) {

    public ConsoleUser {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        if (roles.contains(Role.OPERATOR)) {
            throw new IllegalArgumentException("OPERATOR is the installation's role, not a tenant user's");
        }
    }

    /** An enabled user with one role, by name (kept for callers that predate multiple roles). */
    public ConsoleUser(TenantId tenant, String username, String passwordHash, String role) {
        this(tenant, username, passwordHash, Set.of(Role.valueOf(role)), true);
    }

    /** The first of the user's roles by name (kept for callers that predate multiple roles). */
    public String role() {
        return EnumSet.copyOf(roles).iterator().next().name();
    }
}
