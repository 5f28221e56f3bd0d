package org.ratebook.engine.dunning;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.api.StandingFigures;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rest of billing asks about an account's standing, always inside the tenant's Row-Level-Security
 * scope: where it stands and why, whether it may change plans, whether its billing is paused. An account that
 * never left good standing (or does not exist) is in good standing.
 */
@Component
public class AccountStandings {

    private static final TypeReference<List<DunningAction>> ACTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleFiring>> FIRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ObjectMapper json = AxonConfiguration.eventMapper();
    private final RowMapper<StandingView> row = this::view;

    public AccountStandings(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    public StandingView of(TenantId tenant, AccountId account) {
        return tenantScope.call(tenant, () -> jdbc.query(
                "SELECT * FROM account_standings WHERE tenant_id = ? AND account_id = ?", row,
                tenant.value(), account.value()).stream().findFirst().orElseGet(() -> StandingView.alwaysGood(account)));
    }

    /** The change-plan command asks this: the rules' actions for the account's state include blocking them. */
    public boolean blocksPlanChanges(TenantId tenant, AccountId account) {
        return of(tenant, account).has(DunningAction.BLOCK_PLAN_CHANGES);
    }

    /**
     * Why the billing run must hold back the account's invoices, if it must: its state's actions include
     * pausing billing. Held-back periods are billed by the first run after the pause ends.
     */
    public Optional<String> billingPause(TenantId tenant, AccountId account) {
        StandingView standing = of(tenant, account);
        if (!standing.has(DunningAction.PAUSE_BILLING)) {
            return Optional.empty();
        }
        return Optional.of("billing of account " + account + " is paused: it is " + standing.state() + " since "
                + standing.since() + " (" + String.join(", ", standing.rules()) + "; rule pack "
                + standing.pack().name() + " v" + standing.pack().version() + ")");
    }

    /** Every change of the account's standing, oldest first. */
    public List<StandingChange> changes(TenantId tenant, AccountId account) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM account_standing_changes WHERE tenant_id = ? AND account_id = ? ORDER BY position""",
                (rs, n) -> new StandingChange(rs.getDate("on_date").toLocalDate(),
                        DunningState.valueOf(rs.getString("from_state")), DunningState.valueOf(rs.getString("to_state")),
                        read(rs.getString("actions"), ACTIONS), read(rs.getString("rules"), STRINGS),
                        rs.getString("pack_name"), rs.getInt("pack_version"), rs.getString("trigger"),
                        rs.getInt("days_past_due"), rs.getBigDecimal("unpaid_balance").stripTrailingZeros(),
                        rs.getInt("unpaid_invoices")),
                tenant.value(), account.value()));
    }

    /** The standings of the tenant's accounts that are not in good standing, or have actions, by account. */
    Map<AccountId, StandingView> notGood(TenantId tenant) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM account_standings
                WHERE tenant_id = ? AND (state <> 'GOOD' OR actions <> '[]'::jsonb)""", row, tenant.value()))
                .stream().collect(Collectors.toMap(StandingView::accountId, Function.identity()));
    }

    private StandingView view(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency").trim();
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        StandingFigures figures = new StandingFigures(currency,
                rs.getDate("oldest_unpaid_due") == null ? null : rs.getDate("oldest_unpaid_due").toLocalDate(),
                rs.getInt("days_past_due"), rs.getBigDecimal("unpaid_balance").setScale(scale),
                rs.getInt("unpaid_invoices"), rs.getBigDecimal("overdue_balance").setScale(scale),
                rs.getInt("overdue_invoices"));
        return new StandingView(new AccountId(rs.getObject("account_id", UUID.class)),
                DunningState.valueOf(rs.getString("state")), rs.getDate("since").toLocalDate(),
                read(rs.getString("actions"), ACTIONS), rs.getDate("changed_on").toLocalDate(), rs.getString("trigger"),
                figures, read(rs.getString("rules"), STRINGS),
                new PackRef(rs.getString("pack_name"), rs.getInt("pack_version"), rs.getString("pack_hash")),
                read(rs.getString("trace"), FIRINGS));
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
