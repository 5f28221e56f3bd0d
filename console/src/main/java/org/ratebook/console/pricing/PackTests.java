package org.ratebook.console.pricing;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seller's scenario files ({@code tenant_pack_tests}, V105), one text per file name, read and written under the
 * tenant's row-level security. A new seller starts with an example file so the page is never empty.
 */
@Component
class PackTests {

    static final String EXAMPLE_NAME = "pricing.feature";
    static final String EXAMPLE = """
            Feature: What our customers pay
              # Each scenario is priced by the version under test in a sandbox: nothing is recorded.

              Scenario: A customer on Pro pays the list price
                Given a customer "Acme" in DE billed in EUR
                And "Acme" subscribes to the "Pro" plan
                When the seller bills "Acme" on 2027-01-01
                Then the invoice of "Acme" totals EUR 49.00
            """;

    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;

    PackTests(JdbcTemplate jdbc, TenantScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    Map<String, String> all(TenantId tenant) {
        Map<String, String> files = new LinkedHashMap<>();
        scope.run(tenant, () -> jdbc.query("SELECT name, text FROM tenant_pack_tests WHERE tenant_id = ? ORDER BY name",
                rs -> {
                    files.put(rs.getString(1), rs.getString(2));
                }, tenant.value()));
        if (files.isEmpty()) {
            files.put(EXAMPLE_NAME, EXAMPLE);
        }
        return files;
    }

    void save(TenantId tenant, String name, String text, String by) {
        Instant now = Instant.now(clock);
        scope.run(tenant, () -> jdbc.update("""
                INSERT INTO tenant_pack_tests (tenant_id, name, text, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, name) DO UPDATE SET text = excluded.text, saved_by = excluded.saved_by,
                    saved_at = excluded.saved_at""", tenant.value(), name, text, by, java.sql.Timestamp.from(now)));
    }
}
