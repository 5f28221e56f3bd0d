package org.ratebook.engine.usage;

import org.ratebook.engine.BillingRejection;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A tenant's meters. */
@Component
public class Meters {

    private static final RowMapper<Meter> ROW = (rs, n) -> new Meter(rs.getString("code"), rs.getString("unit"),
            Aggregation.valueOf(rs.getString("aggregation")), rs.getBoolean("correctable"));

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public Meters(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    public void define(TenantId tenant, Meter meter) {
        try {
            tenantScope.run(tenant, () -> jdbc.update(
                    "INSERT INTO meters (tenant_id, code, unit, aggregation, correctable) VALUES (?, ?, ?, ?, ?)",
                    tenant.value(), meter.code(), meter.unit(), meter.aggregation().name(), meter.correctable()));
        } catch (DuplicateKeyException e) {
            throw new BillingRejection("meter '" + meter.code() + "' already exists");
        }
    }

    public List<Meter> all(TenantId tenant) {
        return tenantScope.call(tenant, () ->
                jdbc.query("SELECT * FROM meters WHERE tenant_id = ? ORDER BY code", ROW, tenant.value()));
    }

    /** The tenant's meters by code, read inside the caller's tenant-bound transaction. */
    Map<String, Meter> byCode(TenantId tenant) {
        return jdbc.query("SELECT * FROM meters WHERE tenant_id = ?", ROW, tenant.value()).stream()
                .collect(Collectors.toMap(Meter::code, Function.identity()));
    }
}
