package org.ratebook.engine.account.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.AccountSegmentChangedEvent;
import org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOffEvent;
import org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOnEvent;
import org.ratebook.engine.account.api.AccountTaxDetailsChangedEvent;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The accounts table, written in the transaction that stores the event; also answers account look-ups. */
@Component
@ProcessingGroup(AxonConfiguration.ACCOUNTS)
public class AccountProjection implements AccountDirectory {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public AccountProjection(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(AccountCreatedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                INSERT INTO accounts (tenant_id, account_id, name, email, currency, country, time_zone,
                                      bill_cycle_day, address, tax_id, created_on, segment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.tenantId().value(), e.accountId().value(), e.name(), e.email(), e.currency(), e.country(),
                e.timeZone(), e.billCycleDay(), e.addressLines() == null ? null : String.join("\n", e.addressLines()),
                e.taxId(), Date.valueOf(e.createdOn()), e.segment());
    }

    @EventHandler
    void on(AccountSegmentChangedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("UPDATE accounts SET segment = ? WHERE tenant_id = ? AND account_id = ?", e.segment(),
                e.tenantId().value(), e.accountId().value());
    }

    @EventHandler
    void on(AccountTaxDetailsChangedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                UPDATE accounts SET tax_id = ?, region = ?, business = ?, tax_id_valid = ?, tax_exempt = ?,
                                    exemption_reason = ?
                WHERE tenant_id = ? AND account_id = ?""",
                e.taxId(), e.region(), e.business(), e.taxIdValid(), e.taxExempt(), e.exemptionReason(),
                e.tenantId().value(), e.accountId().value());
    }

    @EventHandler
    void on(AutomaticInvoicingSwitchedOffEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("UPDATE accounts SET auto_invoicing_off = true, auto_invoicing_off_since = ?, "
                        + "auto_invoicing_on_since = NULL WHERE tenant_id = ? AND account_id = ?",
                Date.valueOf(e.switchedOffOn()), e.tenantId().value(), e.accountId().value());
    }

    @EventHandler
    void on(AutomaticInvoicingSwitchedOnEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("UPDATE accounts SET auto_invoicing_off = false, auto_invoicing_off_since = NULL, "
                        + "auto_invoicing_on_since = ? WHERE tenant_id = ? AND account_id = ?",
                Date.valueOf(e.switchedOnOn()), e.tenantId().value(), e.accountId().value());
    }

    /**
     * Automatic invoicing of an account: whether it is off and since when, or since when it is back on (both null:
     * never switched).
     */
    public record AutomaticInvoicing(boolean off, LocalDate offSince, LocalDate onSince) {
        public static final AutomaticInvoicing ON = new AutomaticInvoicing(false, null, null);
    }

    /** The tenant's accounts whose automatic invoicing was ever switched, read once per billing run. */
    public java.util.Map<AccountId, AutomaticInvoicing> automaticInvoicing(TenantId tenant) {
        java.util.Map<AccountId, AutomaticInvoicing> result = new java.util.HashMap<>();
        tenantScope.run(tenant, () -> jdbc.query("SELECT account_id, auto_invoicing_off, auto_invoicing_off_since, "
                        + "auto_invoicing_on_since FROM accounts WHERE tenant_id = ? "
                        + "AND (auto_invoicing_off OR auto_invoicing_on_since IS NOT NULL)",
                (java.sql.ResultSet rs) -> {
                    result.put(new AccountId(rs.getObject(1, java.util.UUID.class)), new AutomaticInvoicing(
                            rs.getBoolean(2), day(rs.getDate(3)), day(rs.getDate(4))));
                }, tenant.value()));
        return result;
    }

    public AutomaticInvoicing automaticInvoicing(TenantId tenant, AccountId id) {
        return automaticInvoicing(tenant).getOrDefault(id, AutomaticInvoicing.ON);
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    @Override
    public Optional<AccountView> find(TenantId tenant, AccountId id) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT account_id, name, email, currency, country, time_zone, bill_cycle_day, address, tax_id, created_on,
                       region, business, tax_id_valid, tax_exempt, exemption_reason, segment
                FROM accounts WHERE tenant_id = ? AND account_id = ?""",
                (rs, n) -> new AccountView(new AccountId(rs.getObject(1, java.util.UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4).trim(), rs.getString(5), rs.getString(6), rs.getInt(7),
                        lines(rs.getString(8)), rs.getString(9), rs.getDate(10).toLocalDate(),
                        new TaxDetails(rs.getString(11), rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14),
                                rs.getString(15)), rs.getString(16)),
                tenant.value(), id.value()).stream().findFirst());
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
