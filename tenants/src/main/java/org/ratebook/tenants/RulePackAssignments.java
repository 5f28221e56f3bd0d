package org.ratebook.tenants;

import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which rule-pack version a tenant bills with on a given date. A version names its content by hash; for now
 * content comes from a pack folder on the classpath (the shipped default pack). Authoring, publishing as
 * events and rollback come with the rule-pack lifecycle.
 */
@Component
public class RulePackAssignments {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RulePackAssignments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code tenant} bills with the pack in classpath folder {@code source} from {@code from}. */
    public RulePack assign(TenantId tenant, String source, LocalDate from) {
        Integer last = jdbc.queryForObject("SELECT max(version) FROM tenant_rule_packs WHERE tenant_id = ?",
                Integer.class, tenant.value());
        int version = last == null ? 1 : last + 1;
        RulePack pack = RulePackLoader.fromClasspath(source, version);
        jdbc.update("""
                INSERT INTO tenant_rule_packs (tenant_id, version, name, source, content_hash, effective_from, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                tenant.value(), version, pack.name(), source, pack.contentHash(), Date.valueOf(from),
                Timestamp.from(clock.instant()));
        return pack;
    }

    /** The pack version in effect for {@code tenant} on {@code date}. */
    public Optional<RulePack> inEffect(TenantId tenant, LocalDate date) {
        return jdbc.query("""
                SELECT version, source, content_hash FROM tenant_rule_packs
                WHERE tenant_id = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1""",
                (rs, n) -> {
                    RulePack pack = RulePackLoader.fromClasspath(rs.getString(2), rs.getInt(1));
                    if (!pack.contentHash().equals(rs.getString(3))) {
                        throw new IllegalStateException("rule pack " + rs.getString(2) + " v" + rs.getInt(1)
                                + " of tenant " + tenant + " no longer has the content it was published with");
                    }
                    return pack;
                }, tenant.value(), Date.valueOf(date)).stream().findFirst();
    }
}
