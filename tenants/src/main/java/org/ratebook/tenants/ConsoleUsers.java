package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Console sign-ins. Usernames are unique across tenants, so a login names its tenant. */
@Component
public class ConsoleUsers {

    private final JdbcTemplate jdbc;

    public ConsoleUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void create(ConsoleUser user) {
        jdbc.update("INSERT INTO console_users (tenant_id, username, password_hash, role) VALUES (?, ?, ?, ?)",
                user.tenant().value(), user.username(), user.passwordHash(), user.role());
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.query("SELECT tenant_id, username, password_hash, role FROM console_users WHERE username = ?",
                (rs, n) -> new ConsoleUser(TenantId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4)), username).stream().findFirst();
    }
}
