package org.ratebook.tenants;

/**
 * What a person may do in Ratebook (glossary: roles). A console user holds one or more; an API key carries
 * scopes instead. {@link Names} gives the same words as constants for {@code @RolesAllowed}.
 */
public enum Role {
    /** Runs the installation: creates, suspends and lists tenants; not bound to one tenant. */
    OPERATOR,
    /** Manages one tenant: users and roles, API keys, branding, billing settings, sub-tenants. */
    TENANT_ADMIN,
    /** Runs billing and authors rule packs. */
    ANALYST,
    /** Approves and publishes rule packs that someone else edited last (four eyes). */
    APPROVER,
    /** Reads everything of the tenant, changes nothing. */
    AUDITOR;

    /** Role names as compile-time constants, for annotations ({@code @RolesAllowed(Role.Names.ANALYST)}). */
    public static final class Names {
        public static final String OPERATOR = "OPERATOR";
        public static final String TENANT_ADMIN = "TENANT_ADMIN";
        public static final String ANALYST = "ANALYST";
        public static final String APPROVER = "APPROVER";
        public static final String AUDITOR = "AUDITOR";

        private Names() {
        }
    }
}
