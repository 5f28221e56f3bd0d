package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The installation's operators and their API keys. Operator-level: not tenant-owned, read by authentication and
 * by the operator's own endpoints only. Passwords arrive already hashed (the console owns the encoder).
 */
@Component
public class Operators {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Operators(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Operator(String username, String passwordHash) {
    }

    public boolean any() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM operators)", Boolean.class));
    }

    public void create(String username, String passwordHash) {
        if (!ConsoleUsers.USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("an operator's username is 2-64 lower-case letters, digits or . _ @ -");
        }
        jdbc.update("INSERT INTO operators (username, password_hash, created_at) VALUES (?, ?, ?)",
                username, passwordHash, Timestamp.from(clock.instant()));
    }

    public Optional<Operator> find(String username) {
        return jdbc.query("SELECT username, password_hash FROM operators WHERE username = ?",
                (rs, n) -> new Operator(rs.getString(1), rs.getString(2)), username).stream().findFirst();
    }

    /** Issues an operator key (scope {@code operator}) and returns it in plain text, once. */
    public String issueKey(String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "rbo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO operator_keys (key_digest, key_prefix, label, created_at) VALUES (?, ?, ?, ?)",
                ApiKeys.digest(key), key.substring(0, 8), label, Timestamp.from(clock.instant()));
        return key;
    }

    /** The label of an operator key, if the key is known and not revoked; records when it was used. */
    public Optional<String> identifyKey(String key) {
        if (key == null || !key.startsWith("rbo_") || key.length() > 200) {
            return Optional.empty();
        }
        String digest = ApiKeys.digest(key);
        Optional<String> holder = jdbc.query("""
                SELECT coalesce(label, key_prefix) FROM operator_keys WHERE key_digest = ? AND revoked_at IS NULL""",
                (rs, n) -> rs.getString(1), digest).stream().findFirst();
        holder.ifPresent(h -> jdbc.update("UPDATE operator_keys SET last_used_at = ? WHERE key_digest = ?",
                Timestamp.from(clock.instant()), digest));
        return holder;
    }
}
