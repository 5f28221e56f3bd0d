package org.ratebook.engine.subscription.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.subscription.api.PlanChangedEvent;
import org.ratebook.engine.subscription.api.QuantityChangedEvent;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionPausedEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionResumedEvent;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The subscriptions table, written with the event; the billing run reads it to find what is due. */
@Component
@ProcessingGroup(AxonConfiguration.SUBSCRIPTIONS)
public class SubscriptionProjection implements SubscriptionDirectory {

    private static final ObjectMapper JSON = AxonConfiguration.eventMapper();
    private static final TypeReference<List<PhaseStart>> PHASES = new TypeReference<>() {
    };
    private static final RowMapper<SubscriptionView> ROW = (rs, n) -> new SubscriptionView(
            new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
            new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("plan"), rs.getInt("quantity"),
            rs.getString("currency").trim(), rs.getDate("start_date").toLocalDate(), rs.getInt("bill_cycle_day"),
            rs.getString("state"), phases(rs.getString("phases")), day(rs.getDate("ends_on")),
            day(rs.getDate("paused_from")), rs.getString("price_list"), day(rs.getDate("signed_on")),
            (Integer) rs.getObject("signed_pack_version"), ProductType.valueOf(rs.getString("product_type")),
            rs.getObject("base_subscription_id") == null ? null
                    : new SubscriptionId(rs.getObject("base_subscription_id", UUID.class)));

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static List<PhaseStart> phases(String json) {
        try {
            return json == null ? null : JSON.readValue(json, PHASES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable phases " + json, e);
        }
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public SubscriptionProjection(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(SubscriptionCreatedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                INSERT INTO subscriptions (tenant_id, subscription_id, account_id, plan, quantity, currency,
                                           start_date, bill_cycle_day, state, phases, price_list, signed_on,
                                           signed_pack_version, product_type, base_subscription_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?::jsonb, ?, ?, ?, ?, ?)""",
                e.tenantId().value(), e.subscriptionId().value(), e.accountId().value(), e.plan(), e.quantity(),
                e.currency(), Date.valueOf(e.startDate()), e.billCycleDay(), toJson(e.phases()), e.priceList(),
                Date.valueOf(e.startDate()), e.packVersion(),
                (e.productType() == null ? ProductType.BASE : e.productType()).name(),
                e.baseSubscriptionId() == null ? null : e.baseSubscriptionId().value());
    }

    /** A new plan is signed up for at the version in effect when the change was decided. */
    @EventHandler
    void on(PlanChangedEvent e) {
        timeline(e.tenantId(), e.subscriptionId(), e.timeline());
        jdbc.update("UPDATE subscriptions SET signed_on = ?, signed_pack_version = ? "
                        + "WHERE tenant_id = ? AND subscription_id = ?",
                Date.valueOf(e.effectiveOn()), e.packVersion(), e.tenantId().value(), e.subscriptionId().value());
    }

    @EventHandler
    void on(QuantityChangedEvent e) {
        timeline(e.tenantId(), e.subscriptionId(), e.timeline());
    }

    @EventHandler
    void on(SubscriptionPausedEvent e) {
        timeline(e.tenantId(), e.subscriptionId(), e.timeline());
        state(e.tenantId(), e.subscriptionId(), "PAUSED", "paused_from", e.effectiveOn());
    }

    @EventHandler
    void on(SubscriptionResumedEvent e) {
        timeline(e.tenantId(), e.subscriptionId(), e.timeline());
        state(e.tenantId(), e.subscriptionId(), "ACTIVE", "paused_from", null);
    }

    @EventHandler
    void on(SubscriptionCancelledEvent e) {
        timeline(e.tenantId(), e.subscriptionId(), e.timeline());
        state(e.tenantId(), e.subscriptionId(), "CANCELLED", "ends_on", e.effectiveOn());
        jdbc.update("UPDATE subscriptions SET cancel_reason = ? WHERE tenant_id = ? AND subscription_id = ?",
                e.reason(), e.tenantId().value(), e.subscriptionId().value());
    }

    @EventHandler
    void on(SubscriptionReinstatedEvent e) {
        timeline(e.tenantId(), e.subscriptionId(), e.timeline());
        state(e.tenantId(), e.subscriptionId(), "ACTIVE", "ends_on", null);
        jdbc.update("UPDATE subscriptions SET cancel_reason = NULL WHERE tenant_id = ? AND subscription_id = ?",
                e.tenantId().value(), e.subscriptionId().value());
    }

    /**
     * The new timeline; plan and quantity show where it leads (after changes still to come). A timeline that
     * never bills (paused or cancelled on the day it started) leads nowhere: plan and quantity stay as they were.
     */
    private void timeline(TenantId tenant, SubscriptionId id, List<PhaseStart> timeline) {
        tenantScope.bind(tenant);
        PhaseStart last = timeline.stream().filter(PhaseStart::bills).reduce((a, b) -> b).orElse(null);
        if (last == null) {
            // stopped before anything bills (e.g. paused from its first day): plan and quantity stay as they were
            jdbc.update("UPDATE subscriptions SET phases = ?::jsonb WHERE tenant_id = ? AND subscription_id = ?",
                    toJson(timeline), tenant.value(), id.value());
            return;
        }
        jdbc.update("UPDATE subscriptions SET phases = ?::jsonb, plan = ?, quantity = ? "
                        + "WHERE tenant_id = ? AND subscription_id = ?",
                toJson(timeline), last.plan(), last.quantity(), tenant.value(), id.value());
    }

    private void state(TenantId tenant, SubscriptionId id, String state, String dateColumn, LocalDate day) {
        jdbc.update("UPDATE subscriptions SET state = ?, " + dateColumn + " = ? WHERE tenant_id = ? AND subscription_id = ?",
                state, day == null ? null : Date.valueOf(day), tenant.value(), id.value());
    }

    private static String toJson(List<PhaseStart> phases) {
        try {
            return JSON.writeValueAsString(phases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<SubscriptionView> find(TenantId tenant, SubscriptionId id) {
        return tenantScope.call(tenant, () -> jdbc.query(
                "SELECT * FROM subscriptions WHERE tenant_id = ? AND subscription_id = ?", ROW,
                tenant.value(), id.value()).stream().findFirst());
    }

    /** The account's subscriptions, in the order they started. */
    @Override
    public List<SubscriptionView> ofAccount(TenantId tenant, AccountId account) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM subscriptions WHERE tenant_id = ? AND account_id = ?
                ORDER BY start_date, subscription_id""", ROW, tenant.value(), account.value()));
    }

    /** The add-ons of a base subscription. */
    public List<SubscriptionView> addOnsOf(TenantId tenant, SubscriptionId base) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM subscriptions WHERE tenant_id = ? AND base_subscription_id = ?
                ORDER BY start_date, subscription_id""", ROW, tenant.value(), base.value()));
    }

    /** Why the subscription was cancelled, when the seller's side ended it (e.g. "terminated for non-payment"). */
    public Optional<String> cancellationReason(TenantId tenant, SubscriptionId id) {
        return tenantScope.call(tenant, () -> jdbc.query(
                "SELECT cancel_reason FROM subscriptions WHERE tenant_id = ? AND subscription_id = ?",
                (rs, n) -> rs.getString(1), tenant.value(), id.value()).stream().filter(java.util.Objects::nonNull)
                .findFirst());
    }

    /**
     * Subscriptions of the tenant that started on or before {@code date}, whatever their state (an ended one may
     * still owe its last span in arrear, or a repair), by account; within an account in a stable business order
     * (start, plan, quantity), which is the order of the lines on the invoice.
     */
    public List<SubscriptionView> activeOn(TenantId tenant, LocalDate date) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM subscriptions
                WHERE tenant_id = ? AND start_date <= ?
                ORDER BY account_id, start_date, plan, quantity, subscription_id""",
                ROW, tenant.value(), Date.valueOf(date)));
    }

    /**
     * As {@link #activeOn(TenantId, LocalDate)}, for the given accounts only: what a chunk of a shared billing run
     * reads (decision 027), instead of every subscription of the tenant once per chunk.
     */
    public List<SubscriptionView> activeOn(TenantId tenant, LocalDate date, java.util.Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        UUID[] ids = accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM subscriptions
                WHERE tenant_id = ? AND start_date <= ? AND account_id = ANY (?)
                ORDER BY account_id, start_date, plan, quantity, subscription_id""",
                ROW, tenant.value(), Date.valueOf(date), ids));
    }
}
