package org.ratebook.engine.account.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which account has which parent, and who pays: the account_parents table, written with the event. */
@Component
@ProcessingGroup(AxonConfiguration.ACCOUNTS)
public class AccountParents {

    /** An account's parent, and whether the parent receives its invoices. */
    public record Parent(AccountId parent, boolean invoiceParent) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public AccountParents(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(ParentAccountSetEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                INSERT INTO account_parents (tenant_id, account_id, parent_account_id, invoice_parent)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, account_id)
                DO UPDATE SET parent_account_id = excluded.parent_account_id, invoice_parent = excluded.invoice_parent""",
                e.tenantId().value(), e.accountId().value(), e.parentAccountId().value(), e.invoiceParent());
    }

    public Optional<Parent> parentOf(TenantId tenant, AccountId account) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT parent_account_id, invoice_parent FROM account_parents WHERE tenant_id = ? AND account_id = ?""",
                (rs, n) -> new Parent(new AccountId(rs.getObject(1, UUID.class)), rs.getBoolean(2)),
                tenant.value(), account.value()).stream().findFirst());
    }

    /** Accounts whose invoices go to another account, and that account: the tenant's whole map, read once a run. */
    public Map<AccountId, AccountId> payers(TenantId tenant) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT account_id, parent_account_id FROM account_parents WHERE tenant_id = ? AND invoice_parent""",
                (rs, n) -> Map.entry(new AccountId(rs.getObject(1, UUID.class)),
                        new AccountId(rs.getObject(2, UUID.class))), tenant.value()))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<AccountId> childrenOf(TenantId tenant, AccountId parent) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT account_id FROM account_parents WHERE tenant_id = ? AND parent_account_id = ? ORDER BY account_id""",
                (rs, n) -> new AccountId(rs.getObject(1, UUID.class)), tenant.value(), parent.value()));
    }
}
