package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Console sign-ins. Usernames are unique across tenants and operators, so a login names its tenant. Reads and
 * changes made for a tenant's admin run in {@link TenantScope}; {@link #find} runs before any tenant is known
 * (authentication).
 */
@Component
public class ConsoleUsers {

    /** Lower-case letters, digits and {@code . _ @ -}, 2–64 characters: what a user types to sign in. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;

    public ConsoleUsers(JdbcTemplate jdbc, TenantScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    /** Adds a user; refused when the name is badly formed or taken by anyone, in any tenant or as an operator. */
    public void create(ConsoleUser user) {
        if (!USERNAME.matcher(user.username()).matches()) {
            throw new IllegalArgumentException("a username is 2-64 lower-case letters, digits or . _ @ -, not '"
                    + user.username() + "'");
        }
        if (taken(user.username())) {
            throw new Taken("the username '" + user.username() + "' is taken");
        }
        scope.run(user.tenant(), () -> jdbc.update("""
                INSERT INTO console_users (tenant_id, username, password_hash, roles, enabled, created_at)
                VALUES (?, ?, ?, ?::text[], ?, ?)""",
                user.tenant().value(), user.username(), user.passwordHash(), roles(user.roles()), user.enabled(),
                Timestamp.from(clock.instant())));
    }

    /** Whether anyone (a user of any tenant, or an operator) signs in with {@code username}. */
    public boolean taken(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM console_users WHERE username = ?)
                    OR EXISTS (SELECT 1 FROM operators WHERE username = ?)""", Boolean.class, username, username));
    }

    /** Authentication's look-up: the user of any tenant with this name. */
    public Optional<ConsoleUser> find(String username) {
        return jdbc.query("SELECT tenant_id, username, password_hash, roles, enabled FROM console_users WHERE username = ?",
                (rs, n) -> new ConsoleUser(TenantId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        roles(rs.getArray(4)), rs.getBoolean(5)), username).stream().findFirst();
    }

    /** A tenant's users, by name, without their password hashes. */
    public List<UserSummary> list(TenantId tenant) {
        return scope.call(tenant, () -> jdbc.query("""
                SELECT username, roles, enabled, created_at FROM console_users WHERE tenant_id = ? ORDER BY username""",
                (rs, n) -> new UserSummary(rs.getString(1), roles(rs.getArray(2)), rs.getBoolean(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), tenant.value()));
    }

    public Optional<UserSummary> summary(TenantId tenant, String username) {
        return list(tenant).stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** A user as a tenant admin sees it. */
    public record UserSummary(String username, Set<Role> roles, boolean enabled, java.time.Instant createdAt) {
    }

    /** Replaces a user's roles; false when the tenant has no such user. */
    public boolean setRoles(TenantId tenant, String username, Set<Role> roles) {
        new ConsoleUser(tenant, username, "-", roles, true); // the same checks as on creation
        return scope.call(tenant, () -> jdbc.update("UPDATE console_users SET roles = ?::text[] WHERE tenant_id = ? AND username = ?",
                roles(roles), tenant.value(), username)) == 1;
    }

    /** Enables or disables a user; false when the tenant has no such user. */
    public boolean setEnabled(TenantId tenant, String username, boolean enabled) {
        return scope.call(tenant, () -> jdbc.update("UPDATE console_users SET enabled = ? WHERE tenant_id = ? AND username = ?",
                enabled, tenant.value(), username)) == 1;
    }

    /** Replaces a user's password hash; false when the tenant has no such user. */
    public boolean setPasswordHash(TenantId tenant, String username, String passwordHash) {
        return scope.call(tenant, () -> jdbc.update(
                "UPDATE console_users SET password_hash = ? WHERE tenant_id = ? AND username = ?",
                passwordHash, tenant.value(), username)) == 1;
    }

    static String roles(Set<Role> roles) {
        return "{" + String.join(",", EnumSet.copyOf(roles).stream().map(Role::name).toList()) + "}";
    }

    private static Set<Role> roles(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
