package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Binds the current transaction to one tenant: it switches to the {@code ratebook_tenant} role, which is
 * subject to Row-Level Security, and sets {@code ratebook.tenant_id}, which every policy compares with the
 * row's {@code tenant_id}. Both settings are transaction-local, so a pooled connection never carries a tenant
 * into the next transaction. This is the second wall; queries still filter by tenant themselves.
 */
@Component
public class TenantScope {

    public static final String ROLE = "ratebook_tenant";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public TenantScope(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code work} in a new or the current transaction, bound to {@code tenant}. */
    public <T> T call(TenantId tenant, Supplier<T> work) {
        return transactions.execute(status -> {
            bind(tenant);
            return work.get();
        });
    }

    public void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** Binds the transaction that is already active (e.g. an event handler's) to {@code tenant}. */
    public void bind(TenantId tenant) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a tenant can only be bound inside a transaction");
        }
        jdbc.execute("SET LOCAL ROLE " + ROLE);
        jdbc.queryForObject("SELECT set_config('ratebook.tenant_id', ?, true)", String.class, tenant.value());
    }
}
