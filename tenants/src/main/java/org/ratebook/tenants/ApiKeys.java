package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys identify the tenant of every API call. Only a SHA-256 digest is stored (keys are long random
 * strings, so a slow hash adds nothing); the plain key is shown once, when issued.
 */
@Component
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new key for {@code tenant} and returns it in plain text; it cannot be read back later. */
    public String issue(TenantId tenant, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "rb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO api_keys (tenant_id, key_digest, key_prefix, label, created_at) VALUES (?, ?, ?, ?, ?)",
                tenant.value(), digest(key), key.substring(0, 7), label, Timestamp.from(clock.instant()));
        return key;
    }

    /** The tenant a key belongs to, if the key is known and not revoked. */
    public Optional<TenantId> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT tenant_id FROM api_keys WHERE key_digest = ? AND revoked_at IS NULL",
                String.class, digest(key)).stream().findFirst().map(TenantId::of);
    }

    /** Who holds a key: its tenant, and its label and printed prefix (how people tell their keys apart). */
    public record KeyHolder(TenantId tenant, String label, String prefix) {
        /** The name recorded as author or approver of what the key does, e.g. {@code api key 'ci' (rb_AbCd)}. */
        public String name() {
            return "api key '" + (label == null || label.isBlank() ? "unlabelled" : label) + "' (" + prefix + ")";
        }
    }

    /** The holder of a key, if the key is known and not revoked. */
    public Optional<KeyHolder> identify(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.query("SELECT tenant_id, label, key_prefix FROM api_keys WHERE key_digest = ? AND revoked_at IS NULL",
                (rs, n) -> new KeyHolder(TenantId.of(rs.getString(1)), rs.getString(2), rs.getString(3)),
                digest(key)).stream().findFirst();
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
