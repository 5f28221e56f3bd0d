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
            Aggregation.valueOf(rs.getString("aggregation")), rs.getBoolean("correctable"), rs.getString("property"),
            rs.getString("per") == null ? null : Weighting.valueOf(rs.getString("per")));

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public Meters(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    public void define(TenantId tenant, Meter meter) {
        try {
            tenantScope.run(tenant, () -> jdbc.update(
                    "INSERT INTO meters (tenant_id, code, unit, aggregation, correctable, property, per) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenant.value(), meter.code(), meter.unit(), meter.aggregation().name(), meter.correctable(),
                    meter.property(), meter.per() == null ? null : meter.per().name()));
        } catch (DuplicateKeyException e) {
            throw new BillingRejection("meter '" + meter.code() + "' already exists");
        }
    }

    public List<Meter> all(TenantId tenant) {
        return tenantScope.call(tenant, () ->
                jdbc.query("SELECT * FROM meters WHERE tenant_id = ? ORDER BY code", ROW, tenant.value()));
    }

    /** The tenant's meters by code, in a tenant scope of their own (or the caller's). */
    public Map<String, Meter> indexed(TenantId tenant) {
        return tenantScope.call(tenant, () -> byCode(tenant));
    }

    /** The tenant's meters by code, read inside the caller's tenant-bound transaction. */
    Map<String, Meter> byCode(TenantId tenant) {
        return jdbc.query("SELECT * FROM meters WHERE tenant_id = ?", ROW, tenant.value()).stream()
                .collect(Collectors.toMap(Meter::code, Function.identity()));
    }
}
