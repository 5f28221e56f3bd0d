package org.ratebook.engine.infra;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wall 5, proven in SQL as the runtime role: the application's own connection cannot read, change or delete
 * another tenant's rows in any table (event store and {@code tenants} included), cannot step out of RLS by
 * {@code SET ROLE}, and cannot switch RLS off. Decision 018.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseWallTest {

    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired TenantScope scope;
    @Autowired JdbcTemplate jdbc;
    @Autowired BillingRun billingRun;
    @Autowired PlatformTransactionManager transactionManager;

    final TenantId red = TenantId.of("wall-red");
    final TenantId blue = TenantId.of("wall-blue");

    @BeforeAll
    void twoTenantsWithData() {
        for (TenantId tenant : List.of(red, blue)) {
            tenants.create(new Tenant(tenant, tenant + " GmbH", List.of("Hauptstr. 1"), "DE123456789"));
            packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
            AccountId account = AccountId.random();
            commands.sendAndWait(new CreateAccountCommand(tenant, account, "Customer of " + tenant,
                    "billing@example.com", "EUR", "DE", "Europe/Berlin", null, List.of("Way 5"), null));
            commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(), account, "Pro", 1,
                    LocalDate.of(2026, 1, 15)));
            billingRun.run(tenant, LocalDate.of(2026, 1, 15));
        }
    }

    /** Every table with a tenant_id column: the ones other branches add included. */
    List<String> tenantTables() {
        return jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1""", String.class);
    }

    @Test
    void theRuntimeRoleIsNoSuperuserCannotBypassRlsOwnsNothingAndCanBecomeNothingThatCould() {
        Map<String, Object> me = jdbc.queryForMap(
                "SELECT current_user AS name, rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = current_user");
        assertThat(me).containsEntry("name", "ratebook_app").containsEntry("rolsuper", false)
                .containsEntry("rolbypassrls", false).containsEntry("rolcreaterole", false);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
                Long.class)).isZero();
        // every role it may SET ROLE to is as powerless
        assertThat(jdbc.queryForList("""
                SELECT rolname FROM pg_roles WHERE pg_has_role(current_user, oid, 'SET')
                AND (rolsuper OR rolbypassrls OR rolcreaterole)""", String.class)).isEmpty();
        assertThatThrownBy(() -> inTransaction(() -> jdbc.execute("SET ROLE postgres")))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inTransaction(() -> jdbc.execute("ALTER TABLE accounts DISABLE ROW LEVEL SECURITY")))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> inTransaction(() -> jdbc.execute("DROP POLICY tenant_isolation ON domain_event_entry")))
                .rootCause().hasMessageContaining("must be owner");
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityWithTheTenantPolicy() {
        List<String> tables = tenantTables();
        assertThat(tables).contains("tenants", "accounts", "invoices", "domain_event_entry", "snapshot_event_entry",
                "api_keys", "console_users");
        List<String> unguarded = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = ANY (?::text[])
                AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                         AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'))""",
                String.class, (Object) tables.toArray(String[]::new));
        assertThat(unguarded).isEmpty();
        System.out.println("Wall 5: " + tables.size() + " tenant tables with FORCE ROW LEVEL SECURITY");
    }

    @Test
    void boundToOneTenantTheRuntimeRoleSeesChangesAndDeletesNothingOfAnotherInAnyTable() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ?", Long.class,
                blue.value())).as("blue has events (system path)").isPositive();
        int checks = 0;
        for (String table : tenantTables()) {
            for (boolean asTenantRole : List.of(true, false)) {
                // as ratebook_tenant (TenantScope.bind) and as ratebook_app with only the setting: both walled
                Long seen = boundTo(red, asTenantRole, () -> jdbc.queryForObject(
                        "SELECT count(*) FROM " + table + " WHERE tenant_id <> ?", Long.class, red.value()));
                assertThat(seen).as("%s rows of other tenants seen by red", table).isZero();
                // events are append-only: DELETE is refused outright there (see below)
                Integer deleted = boundTo(red, asTenantRole, () -> table.equals("domain_event_entry") ? 0 : jdbc.update(
                        "DELETE FROM " + table + " WHERE tenant_id = ?", blue.value()));
                assertThat(deleted).as("%s rows of blue deleted by red", table).isZero();
                Integer updated = boundTo(red, asTenantRole, () -> table.equals("domain_event_entry") ? 0 : jdbc.update(
                        "UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = ?", blue.value()));
                assertThat(updated).as("%s rows of blue updated by red", table).isZero();
                checks += 3;
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tenants WHERE tenant_id = ?", Long.class, blue.value()))
                .isEqualTo(1);
        System.out.println("Wall 5: " + checks + " cross-tenant read/update/delete checks as the runtime role, 0 rows reached");
    }

    @Test
    void eventsAreAppendOnlyAndAnotherTenantsEventCannotBeWritten() {
        assertThatThrownBy(() -> inTransaction(() -> jdbc.update("DELETE FROM domain_event_entry")))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> scope.run(red, () -> jdbc.update("DELETE FROM domain_event_entry")))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inTransaction(() -> jdbc.update("UPDATE domain_event_entry SET payload = payload")))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> scope.run(red, () -> jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                VALUES ('forged', 0, 'Account', 'forged-1', convert_to('{"tenantId":"wall-blue"}', 'UTF8'), 'x', 'now')""")))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void aTransactionIsBoundOnceYetANewTransactionOrAnotherTenantIsAlwaysBoundAgain() {
        // TenantScope skips binding a transaction it bound to the same tenant already (issue 14); a transaction
        // started inside it (another connection) or a switch to another tenant must still be bound
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        scope.run(red, () -> {
            assertThat(scope.call(red, this::boundTenantAndRole)).isEqualTo("wall-red|ratebook_tenant");
            String inner = requiresNew.execute(status -> {
                assertThat(boundTenantAndRole()).isEqualTo("|ratebook_app"); // a new transaction starts unbound
                return scope.call(red, this::boundTenantAndRole);
            });
            assertThat(inner).isEqualTo("wall-red|ratebook_tenant");
            assertThat(scope.call(blue, this::boundTenantAndRole)).isEqualTo("wall-blue|ratebook_tenant");
            assertThat(scope.call(red, this::boundTenantAndRole)).isEqualTo("wall-red|ratebook_tenant");
        });
        // and the next transaction on a pooled connection starts unbound again
        String next = new TransactionTemplate(transactionManager).execute(status -> boundTenantAndRole());
        assertThat(next).isEqualTo("|ratebook_app");
        assertThat(scope.call(blue, this::boundTenantAndRole)).isEqualTo("wall-blue|ratebook_tenant");
    }

    private String boundTenantAndRole() {
        return jdbc.queryForObject("SELECT coalesce(current_setting('ratebook.tenant_id', true), '') || '|' || "
                + "current_user", String.class);
    }

    @Test
    void theTenantRoleSeesNothingWithoutATenantAndTheSystemPathRefusesInsideABoundTransaction() {
        Long seen = inTransaction(() -> {
            jdbc.execute("SET LOCAL ROLE ratebook_tenant");
            return jdbc.queryForObject("SELECT count(*) FROM tenants", Long.class);
        });
        assertThat(seen).isZero();
        assertThat(scope.tenants()).contains(red, blue);
        assertThatThrownBy(() -> scope.run(red, () -> scope.system(() -> 1))).isInstanceOf(IllegalStateException.class);
        assertThat(scope.forEachTenant(t -> jdbc.queryForObject("SELECT count(*) FROM accounts", Long.class)))
                .containsEntry(red, 1L).containsEntry(blue, 1L);
    }

    private <T> T boundTo(TenantId tenant, boolean asTenantRole, java.util.function.Supplier<T> work) {
        if (asTenantRole) {
            return scope.call(tenant, work);
        }
        return inTransaction(() -> {
            jdbc.queryForObject("SELECT set_config('ratebook.tenant_id', ?, true)", String.class, tenant.value());
            return work.get();
        });
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(s -> work.get());
    }

    private void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
