package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys identify the tenant of every API call and carry the scopes it may use (decision 017). Only a SHA-256
 * digest is stored (keys are long random strings, so a slow hash adds nothing); the plain key is shown once, when
 * issued. A key may expire, is revoked rather than deleted, and remembers when it was last used.
 */
@Component
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;

    public ApiKeys(JdbcTemplate jdbc, TenantScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    /** What a new key may do, until when, and whose it is ({@code owner}: a console user of the tenant, or null). */
    public record NewKey(String label, Set<Scope> scopes, Instant expiresAt, String owner) {
        public NewKey {
            if (label != null && label.length() > 100) {
                throw new IllegalArgumentException("a key's label is at most 100 characters");
            }
            if (scopes == null || scopes.isEmpty()) {
                throw new IllegalArgumentException("a key needs at least one scope");
            }
            if (scopes.contains(Scope.OPERATOR)) {
                throw new IllegalArgumentException("a tenant's key cannot carry the operator scope");
            }
            scopes = Set.copyOf(scopes);
        }
    }

    /** A key just issued: its id (to revoke it) and the plain key, shown this once. */
    public record IssuedKey(long id, String key) {
    }

    /** Issues a key with every tenant scope and no expiry, and returns it in plain text. */
    public String issue(TenantId tenant, String label) {
        return issue(tenant, new NewKey(label, Scope.tenantScopes(), null, null)).key();
    }

    /** Issues a new key for {@code tenant}; the plain key cannot be read back later. */
    public IssuedKey issue(TenantId tenant, NewKey key) {
        if (key.expiresAt() != null && !key.expiresAt().isAfter(clock.instant())) {
            throw new IllegalArgumentException("a key's expiry must be in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String plain = "rb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Long id = scope.call(tenant, () -> jdbc.queryForObject("""
                INSERT INTO api_keys (tenant_id, key_digest, key_prefix, label, created_at, scopes, expires_at,
                                      owner_username)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?) RETURNING key_id""", Long.class,
                tenant.value(), digest(plain), plain.substring(0, 7), key.label(), Timestamp.from(clock.instant()),
                labels(key.scopes()), key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()), key.owner()));
        return new IssuedKey(id, plain);
    }

    /** The tenant a key belongs to, if the key is known, not revoked and not expired. */
    public Optional<TenantId> authenticate(String key) {
        return identify(key).map(KeyHolder::tenant);
    }

    /**
     * Who holds a key: its tenant, label, printed prefix (how people tell their keys apart), scopes and owner.
     * {@code tenantActive} is false for a suspended tenant, whose keys are refused.
     */
    public record KeyHolder(TenantId tenant, String label, String prefix, Set<Scope> scopes, String owner,
                            long id, boolean tenantActive) {
        public KeyHolder(TenantId tenant, String label, String prefix) {
            this(tenant, label, prefix, Scope.tenantScopes(), null, 0, true);
        }

        /**
         * The name recorded as author or approver of what the key does: its owner's username when the key belongs
         * to a person (so four eyes hold across console and API), else e.g. {@code api key 'ci' (rb_AbCd)}.
         */
        public String name() {
            if (owner != null) {
                return owner;
            }
            return "api key '" + (label == null || label.isBlank() ? "unlabelled" : label) + "' (" + prefix + ")";
        }
    }

    /** The holder of a key, if the key is known, not revoked and not expired; records when it was used. */
    public Optional<KeyHolder> identify(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<KeyHolder> holder = jdbc.query("""
                SELECT k.tenant_id, k.label, k.key_prefix, k.scopes, k.owner_username, k.key_id, t.status = 'ACTIVE'
                FROM api_keys k JOIN tenants t ON t.tenant_id = k.tenant_id
                WHERE k.key_digest = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)""",
                (rs, n) -> new KeyHolder(TenantId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        scopes(rs.getArray(4)), rs.getString(5), rs.getLong(6), rs.getBoolean(7)),
                digest(key), now).stream().findFirst();
        // at most one write a minute per key, so a busy key does not turn every call into an update
        holder.ifPresent(h -> scope.run(h.tenant(), () -> jdbc.update("""
                UPDATE api_keys SET last_used_at = ? WHERE key_id = ?
                  AND (last_used_at IS NULL OR last_used_at < ?::timestamptz - interval '1 minute')""", now, h.id(), now)));
        return holder;
    }

    /** A key as its tenant's admin sees it (never the key itself). */
    public record KeySummary(long id, String label, String prefix, Set<Scope> scopes, String owner, Instant createdAt,
                             Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public List<KeySummary> list(TenantId tenant) {
        return scope.call(tenant, () -> jdbc.query("""
                SELECT key_id, label, key_prefix, scopes, owner_username, created_at, expires_at, last_used_at, revoked_at
                FROM api_keys WHERE tenant_id = ? ORDER BY key_id""",
                (rs, n) -> new KeySummary(rs.getLong(1), rs.getString(2), rs.getString(3), scopes(rs.getArray(4)),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))), tenant.value()));
    }

    /** Revokes a key of {@code tenant}; false when the tenant has no such key or it is revoked already. */
    public boolean revoke(TenantId tenant, long id) {
        return scope.call(tenant, () -> jdbc.update(
                "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND key_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), tenant.value(), id)) == 1;
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String labels(Set<Scope> scopes) {
        return "{" + String.join(",", EnumSet.copyOf(scopes).stream().map(Scope::label).toList()) + "}";
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream((String[]) array.getArray()).map(Scope::ofLabel).forEach(scopes::add);
        return scopes;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
