package org.ratebook.console.operator;

import org.ratebook.console.security.Access;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantAdministration;
import org.ratebook.tenants.TenantId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Creates tenants (live, or sandbox with a test clock from a date) with the default rule pack and a first admin
 * whose one-time password is returned once; suspends and reactivates them. The operator does this for every
 * tenant; a reseller's admin for its own sub-tenants (see {@code TenantAdminService}).
 */
@Service
public class TenantOnboarding {

    /** What the operator (or a reseller) fills in; {@code sandboxClockStart} null for a live tenant. */
    public record NewTenantRequest(String tenantId, String name, String country, LocalDate sandboxClockStart,
                                   String adminUsername) {
    }

    /** A tenant just created and its first admin's one-time password, shown this once. */
    public record Onboarded(TenantId tenant, String adminUsername, String oneTimePassword) {
    }

    private final TenantAdministration administration;
    private final RulePackImports packs;
    private final PasswordEncoder passwords;

    public TenantOnboarding(TenantAdministration administration, RulePackImports packs, PasswordEncoder passwords) {
        this.administration = administration;
        this.packs = packs;
        this.passwords = passwords;
    }

    public List<TenantAdministration.TenantSummary> list() {
        Access.require(Role.OPERATOR, Scope.OPERATOR);
        return administration.list(null);
    }

    public Onboarded create(NewTenantRequest request) {
        Access.require(Role.OPERATOR, Scope.OPERATOR);
        return create(request, null);
    }

    public void setStatus(TenantId tenant, TenantAdministration.Status status) {
        Access.require(Role.OPERATOR, Scope.OPERATOR);
        if (!administration.setStatus(tenant, status)) {
            throw new org.ratebook.engine.NotFoundException("no tenant '" + tenant + "'");
        }
    }

    /** Creates a tenant owned by {@code parent} (null: by nobody); callers check who may. */
    public Onboarded create(NewTenantRequest request, TenantId parent) {
        if (request == null) {
            throw new IllegalArgumentException("a tenant needs an id, a name and its first admin's username");
        }
        TenantId id = TenantId.of(request.tenantId() == null ? "" : request.tenantId().strip());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200 || name.contains("\0")) {
            throw new IllegalArgumentException("a tenant's name is 1 to 200 characters");
        }
        String admin = request.adminUsername() == null ? "" : request.adminUsername().strip();
        if (!org.ratebook.tenants.ConsoleUsers.USERNAME.matcher(admin).matches()) {
            throw new IllegalArgumentException("the admin's username is 2-64 lower-case letters, digits or . _ @ -");
        }
        LocalDate start = request.sandboxClockStart();
        if (start != null && (start.getYear() < 2000 || start.getYear() > 2100)) {
            throw new IllegalArgumentException("a sandbox clock starts between 2000 and 2100");
        }
        Tenant tenant = new Tenant(id, name, List.of(), null, request.country());
        String password = OperatorBootstrap.randomPassword();
        administration.create(new TenantAdministration.NewTenant(tenant,
                start == null ? null : start.atStartOfDay(ZoneOffset.UTC).toInstant(), parent, admin,
                passwords.encode(password)));
        packs.importShipped(id, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        return new Onboarded(id, admin, password);
    }
}
