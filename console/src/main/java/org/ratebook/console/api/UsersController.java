package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.admin.TenantAdminService;
import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tenant's console users and their roles (tenant admin; decision 017). Passwords are shown once. */
@RestController
@RequestMapping("/api/v1/users")
@RequiresScope(Scope.ADMIN)
@Tag(name = "Users", description = "Console users of the tenant, their roles, disabling and password resets")
public class UsersController {

    public record NewUser(String username, List<String> roles) {
    }

    public record Roles(List<String> roles) {
    }

    /** A user just created or reset: the one-time password appears in this answer only. */
    public record UserPassword(String username, String oneTimePassword) {
    }

    private final TenantAdminService admin;

    public UsersController(TenantAdminService admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "The tenant's users with their roles and whether they may sign in")
    public List<ConsoleUsers.UserSummary> list() {
        return admin.users();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user with roles (TENANT_ADMIN, ANALYST, APPROVER, AUDITOR); the answer holds "
            + "the one-time password, shown once")
    public UserPassword create(@RequestBody NewUser body) {
        if (body == null || body.username() == null) {
            throw new IllegalArgumentException("a user needs a username and at least one role");
        }
        return new UserPassword(body.username().strip(), admin.createUser(body.username(), roles(body.roles())));
    }

    @PutMapping("/{username}/roles")
    @Operation(summary = "Replace a user's roles")
    public ConsoleUsers.UserSummary roles(@PathVariable String username, @RequestBody Roles body) {
        admin.setRoles(username, roles(body == null ? null : body.roles()));
        return admin.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a user: kept, but refused at sign-in")
    public ConsoleUsers.UserSummary disable(@PathVariable String username) {
        admin.setEnabled(username, false);
        return admin.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled user again")
    public ConsoleUsers.UserSummary enable(@PathVariable String username) {
        admin.setEnabled(username, true);
        return admin.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @PostMapping("/{username}/reset-password")
    @Operation(summary = "Give a user a new one-time password, shown once in the answer")
    public UserPassword resetPassword(@PathVariable String username) {
        return new UserPassword(username, admin.resetPassword(username));
    }

    static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role of TENANT_ADMIN, ANALYST, APPROVER, AUDITOR");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + name + "'; roles are TENANT_ADMIN, ANALYST, "
                        + "APPROVER, AUDITOR");
            }
        }
        return roles;
    }
}
