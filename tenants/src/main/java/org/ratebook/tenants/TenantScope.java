package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binds the current transaction to one tenant: it switches to the {@code ratebook_tenant} role, which is
 * subject to Row-Level Security, and sets {@code ratebook.tenant_id}, which every policy compares with the
 * row's {@code tenant_id}. Both settings are transaction-local, so a pooled connection never carries a tenant
 * into the next transaction. This is the second wall; queries still filter by tenant themselves.
 * <p>
 * The application connects as {@code ratebook_app} (not a superuser, no BYPASSRLS, owns nothing); every table
 * with a {@code tenant_id} column, the event store and {@code tenants} included, has FORCE ROW LEVEL SECURITY
 * (decision 018). Three ways to touch the database, from narrow to wide:
 * <ul>
 *   <li>{@link #call}/{@link #run}/{@link #bind}: bound to one tenant, as {@code ratebook_tenant}: only that
 *       tenant's rows, in every table.</li>
 *   <li>{@link #system}: deliberately bound to no tenant, as {@code ratebook_app}: authentication before the
 *       tenant is known (API-key digest, console username), the operator's tenant list and tenant creation,
 *       Axon's event processors. Policies accept this only while no tenant is bound in the transaction.</li>
 *   <li>{@link #forEachTenant}: the operator's view over every tenant, each tenant in its own bound
 *       transaction (e.g. counts per tenant).</li>
 * </ul>
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

    /**
     * Runs {@code work} in a new transaction that is bound to no tenant: the deliberate path for look-ups
     * before a tenant is known and for the operator. Refuses to run inside a transaction that is already
     * bound to a tenant (the policies would hide every other tenant anyway).
     */
    public <T> T system(Supplier<T> work) {
        boundTenant().ifPresent(bound -> {
            throw new IllegalStateException("the system path was asked for inside a transaction bound to " + bound);
        });
        return transactions.execute(status -> work.get());
    }

    /** The tenants' ids, read on the system path (the operator's list; nothing else about them). */
    public List<TenantId> tenants() {
        return system(() -> jdbc.queryForList("SELECT tenant_id FROM tenants ORDER BY tenant_id", String.class))
                .stream().map(TenantId::of).toList();
    }

    /** Runs {@code work} once per tenant, each in its own transaction bound to that tenant. */
    public <T> Map<TenantId, T> forEachTenant(Function<TenantId, T> work) {
        Map<TenantId, T> results = new LinkedHashMap<>();
        for (TenantId tenant : tenants()) {
            results.put(tenant, call(tenant, () -> work.apply(tenant)));
        }
        return results;
    }

    /** The tenant the current transaction is bound to, if any. */
    public Optional<TenantId> boundTenant() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        String bound = jdbc.queryForObject("SELECT current_setting('ratebook.tenant_id', true)", String.class);
        return bound == null || bound.isEmpty() ? Optional.empty() : Optional.of(TenantId.of(bound));
    }

    /**
     * Binds the transaction that is already active (e.g. an event handler's) to {@code tenant}. A transaction that
     * this scope bound to the same tenant already is not bound again: a unit of work that reads through several
     * services binds once (the two statements were most of a billing run's statements, issue 14).
     */
    public void bind(TenantId tenant) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a tenant can only be bound inside a transaction");
        }
        Object connection = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        if (connection != null && TransactionSynchronizationManager.getResource(this) instanceof Binding b
                && b.connection() == connection && b.tenant().equals(tenant)) {
            return;
        }
        jdbc.execute("SET LOCAL ROLE " + ROLE);
        jdbc.queryForObject("SELECT set_config('ratebook.tenant_id', ?, true)", String.class, tenant.value());
        remember(connection, tenant);
    }

    /**
     * What this transaction's connection is bound to. Kept as a transaction resource that names the connection, so
     * a transaction suspended for a new one (which gets another connection) never passes for bound; forgotten when
     * the transaction ends. A rollback to a savepoint taken before the binding would undo the binding but not this
     * record: nothing binds inside a nested (savepoint) transaction today, and one that does must bind afresh.
     */
    private record Binding(Object connection, TenantId tenant) {
    }

    private void remember(Object connection, TenantId tenant) {
        if (connection == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // nothing to tie it to: bind every time
        }
        Object previous = TransactionSynchronizationManager.getResource(this);
        if (previous != null) {
            TransactionSynchronizationManager.unbindResource(this);
        }
        Binding binding = new Binding(connection, tenant);
        TransactionSynchronizationManager.bindResource(this, binding);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (TransactionSynchronizationManager.getResource(TenantScope.this) == binding) {
                    TransactionSynchronizationManager.unbindResource(TenantScope.this);
                }
            }
        });
    }
}
