package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Tenant clocks from the registry: the application clock for live tenants, the stored test clock for sandboxes. */
@Component
public class SandboxClocks implements TenantClocks {

    private final JdbcTemplate jdbc;
    private final Clock applicationClock;

    public SandboxClocks(JdbcTemplate jdbc, Clock applicationClock) {
        this.jdbc = jdbc;
        this.applicationClock = applicationClock;
    }

    @Override
    public Clock of(TenantId tenant) {
        return testClock(tenant).map(now -> Clock.fixed(now, ZoneOffset.UTC)).orElse(applicationClock);
    }

    /** The test clock's time if {@code tenant} is a sandbox. */
    public Optional<Instant> testClock(TenantId tenant) {
        return jdbc.query("SELECT test_clock FROM tenants WHERE tenant_id = ? AND sandbox",
                (rs, n) -> rs.getTimestamp(1).toInstant(), tenant.value()).stream().findFirst();
    }

    /**
     * Moves a sandbox's clock forward to {@code to}; returns false if the tenant is not a sandbox or the clock
     * is already past {@code to} (time only flies forward). The row lock serialises concurrent advances.
     */
    public boolean advance(TenantId tenant, Instant to) {
        return jdbc.update("UPDATE tenants SET test_clock = ? WHERE tenant_id = ? AND sandbox AND test_clock <= ?",
                Timestamp.from(to), tenant.value(), Timestamp.from(to)) == 1;
    }
}
