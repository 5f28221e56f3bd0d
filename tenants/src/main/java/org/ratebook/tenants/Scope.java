package org.ratebook.tenants;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an API key may do (decision 017). Every API endpoint declares the one scope it needs; a key carries a set of
 * them. A console user's roles imply scopes through {@link #of(Role)}, so one table says what each role may call.
 */
public enum Scope {
    /** Read everything of the tenant (GET). */
    READ("read"),
    /** Send usage events. */
    USAGE_WRITE("usage:write"),
    /** Accounts, subscriptions, invoices, payments, billing runs, meters, the test clock. */
    BILLING("billing"),
    /** Author rule packs: drafts, edits, validation, simulation, tests, roll-back. */
    RULES("rules"),
    /** Approve and publish rule-pack versions (four eyes: never one's own). */
    RULES_APPROVE("rules:approve"),
    /** Users, API keys, branding, billing settings, sub-tenants. */
    ADMIN("admin"),
    /** The installation's operator: tenants. Carried only by operator keys, never by a tenant's key. */
    OPERATOR("operator");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    /** The word used in the API, in the database and in problems ({@code usage:write}). */
    public String label() {
        return label;
    }

    /** The scopes a tenant's key may carry (every scope but {@link #OPERATOR}). */
    public static Set<Scope> tenantScopes() {
        return EnumSet.complementOf(EnumSet.of(OPERATOR));
    }

    public static Scope ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + label + "'; known: "
                        + String.join(", ", Arrays.stream(values()).filter(s -> s != OPERATOR).map(Scope::label).toList())));
    }

    /** What a role may call over the API; the table of decision 017. */
    public static Set<Scope> of(Role role) {
        return switch (role) {
            case AUDITOR -> EnumSet.of(READ);
            case ANALYST -> EnumSet.of(READ, USAGE_WRITE, BILLING, RULES);
            case APPROVER -> EnumSet.of(READ, RULES_APPROVE);
            case TENANT_ADMIN -> EnumSet.of(READ, ADMIN);
            case OPERATOR -> EnumSet.of(OPERATOR);
        };
    }

    /** The union of the scopes of {@code roles}. */
    public static Set<Scope> of(Set<Role> roles) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        roles.forEach(r -> scopes.addAll(of(r)));
        return scopes;
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
