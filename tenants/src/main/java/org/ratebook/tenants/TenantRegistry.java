package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The operator's list of tenants. Not tenant-owned: only the operator and authentication read it whole. */
@Component
public class TenantRegistry {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TenantRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void create(Tenant tenant) {
        jdbc.update("INSERT INTO tenants (tenant_id, name, address, tax_id, created_at, country) VALUES (?, ?, ?, ?, ?, ?)",
                tenant.id().value(), tenant.name(), String.join("\n", tenant.addressLines()), tenant.taxId(),
                Timestamp.from(clock.instant()), tenant.country());
    }

    /** A sandbox tenant whose test clock starts at {@code clockStart} and moves only when advanced. */
    public void createSandbox(Tenant tenant, Instant clockStart) {
        jdbc.update("""
                INSERT INTO tenants (tenant_id, name, address, tax_id, created_at, sandbox, test_clock, country)
                VALUES (?, ?, ?, ?, ?, true, ?, ?)""",
                tenant.id().value(), tenant.name(), String.join("\n", tenant.addressLines()), tenant.taxId(),
                Timestamp.from(clock.instant()), Timestamp.from(clockStart), tenant.country());
    }

    public Optional<Tenant> find(TenantId id) {
        return jdbc.query("SELECT tenant_id, name, address, tax_id, country FROM tenants WHERE tenant_id = ?",
                (rs, n) -> new Tenant(TenantId.of(rs.getString(1)), rs.getString(2), lines(rs.getString(3)),
                        rs.getString(4), rs.getString(5)), id.value()).stream().findFirst();
    }

    /** How the tenant's invoices are numbered and when they fall due. */
    public BillingSettings billingSettings(TenantId id) {
        return jdbc.query("""
                SELECT invoice_prefix, invoice_number_format, payment_terms_days, draft_review_hours,
                       invoice_numbering_scope
                FROM tenants WHERE tenant_id = ?""",
                (rs, n) -> new BillingSettings(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, Integer.class),
                        rs.getString(5) == null ? null : NumberingScope.valueOf(rs.getString(5))), id.value())
                .stream().findFirst().orElseThrow(() -> new IllegalArgumentException("no tenant " + id));
    }

    public void updateBillingSettings(TenantId id, BillingSettings settings) {
        jdbc.update("""
                UPDATE tenants SET invoice_prefix = ?, invoice_number_format = ?, payment_terms_days = ?,
                                   draft_review_hours = ?, invoice_numbering_scope = ?
                WHERE tenant_id = ?""", settings.invoicePrefix(), settings.invoiceNumberFormat(),
                settings.paymentTermsDays(), settings.draftReviewHours(), settings.numberingScope().name(),
                id.value());
    }

    public List<TenantId> all() {
        return jdbc.queryForList("SELECT tenant_id FROM tenants ORDER BY tenant_id", String.class).stream()
                .map(TenantId::of).toList();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
