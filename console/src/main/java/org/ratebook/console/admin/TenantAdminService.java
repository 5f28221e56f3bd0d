package org.ratebook.console.admin;

import org.ratebook.console.operator.OperatorBootstrap;
import org.ratebook.console.operator.TenantOnboarding;
import org.ratebook.console.security.Access;
import org.ratebook.console.security.CurrentTenant;
import org.ratebook.engine.NotFoundException;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.Branding;
import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
import org.ratebook.tenants.TenantAdministration;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a tenant's admin manages, for the console and the API alike: users and their roles, API keys, branding,
 * billing settings and sub-tenants. The tenant always comes from {@link CurrentTenant}, and every method checks the
 * caller first (TENANT_ADMIN, or an API key with {@code admin}; reading branding: any role of the tenant).
 * Passwords are generated here and returned once; only hashes are stored.
 */
@Service
public class TenantAdminService {

    private final CurrentTenant current;
    private final ConsoleUsers users;
    private final ApiKeys keys;
    private final Branding branding;
    private final TenantRegistry registry;
    private final TenantAdministration administration;
    private final TenantOnboarding onboarding;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public TenantAdminService(CurrentTenant current, ConsoleUsers users, ApiKeys keys, Branding branding,
                              TenantRegistry registry, TenantAdministration administration,
                              TenantOnboarding onboarding, PasswordEncoder passwords, Clock clock) {
        this.current = current;
        this.users = users;
        this.keys = keys;
        this.branding = branding;
        this.registry = registry;
        this.administration = administration;
        this.onboarding = onboarding;
        this.passwords = passwords;
        this.clock = clock;
    }

    private TenantId admin() {
        Access.require(Role.TENANT_ADMIN, Scope.ADMIN);
        return current.require();
    }

    // --- users

    public List<ConsoleUsers.UserSummary> users() {
        return users.list(admin());
    }

    /** Creates a user and returns the one-time password, shown once. */
    public String createUser(String username, Set<Role> roles) {
        TenantId tenant = admin();
        String name = username == null ? "" : username.strip();
        String password = OperatorBootstrap.randomPassword();
        users.create(new ConsoleUser(tenant, name, passwords.encode(password), roles, true));
        return password;
    }

    public void setRoles(String username, Set<Role> roles) {
        TenantId tenant = admin();
        if (username.equals(Access.callerName()) && !roles.contains(Role.TENANT_ADMIN)) {
            throw new IllegalArgumentException("you cannot take the admin role from yourself");
        }
        if (!users.setRoles(tenant, username, roles)) {
            throw new NotFoundException("no user '" + username + "'");
        }
    }

    public void setEnabled(String username, boolean enabled) {
        TenantId tenant = admin();
        if (!enabled && username.equals(Access.callerName())) {
            throw new IllegalArgumentException("you cannot disable yourself");
        }
        if (!users.setEnabled(tenant, username, enabled)) {
            throw new NotFoundException("no user '" + username + "'");
        }
    }

    /** A new one-time password for a user, shown once; the old one stops working. */
    public String resetPassword(String username) {
        TenantId tenant = admin();
        String password = OperatorBootstrap.randomPassword();
        if (!users.setPasswordHash(tenant, username, passwords.encode(password))) {
            throw new NotFoundException("no user '" + username + "'");
        }
        return password;
    }

    // --- API keys

    public List<ApiKeys.KeySummary> keys() {
        return keys.list(admin());
    }

    public ApiKeys.IssuedKey createKey(String label, Set<Scope> scopes, Instant expiresAt, String owner) {
        TenantId tenant = admin();
        if (owner != null && !owner.isBlank() && users.summary(tenant, owner.strip()).isEmpty()) {
            throw new IllegalArgumentException("no user '" + owner + "' to own the key");
        }
        if (label != null && label.contains("\0")) {
            throw new IllegalArgumentException("a label may not contain NUL characters");
        }
        return keys.issue(tenant, new ApiKeys.NewKey(label, scopes, expiresAt,
                owner == null || owner.isBlank() ? null : owner.strip()));
    }

    public void revokeKey(long id) {
        if (!keys.revoke(admin(), id)) {
            throw new NotFoundException("no active key " + id);
        }
    }

    // --- branding and billing settings

    /** Any role of the tenant may read its branding (the console shows it). */
    public Branding.Settings branding() {
        return branding.get(current.require());
    }

    public Optional<Branding.Logo> logo() {
        return branding.logo(current.require());
    }

    public void saveBranding(Branding.Settings settings) {
        branding.save(admin(), settings);
    }

    public void saveLogo(byte[] bytes) {
        branding.saveLogo(admin(), bytes);
    }

    public BillingSettings billingSettings() {
        return registry.billingSettings(admin());
    }

    public void saveBillingSettings(BillingSettings settings) {
        registry.updateBillingSettings(admin(), settings);
    }

    // --- sub-tenants (resellers)

    public List<TenantAdministration.TenantSummary> subTenants() {
        return administration.list(admin());
    }

    /** A sub-tenant of the admin's tenant, with its own first admin (one-time password returned once). */
    public TenantOnboarding.Onboarded createSubTenant(TenantOnboarding.NewTenantRequest request) {
        return onboarding.create(request, admin());
    }

    public void setSubTenantStatus(TenantId subTenant, TenantAdministration.Status status) {
        TenantId tenant = admin();
        if (!administration.parent(subTenant).map(tenant::equals).orElse(false)) {
            throw new NotFoundException("no sub-tenant '" + subTenant + "'");
        }
        administration.setStatus(subTenant, status);
    }

    public Instant now() {
        return clock.instant();
    }
}
