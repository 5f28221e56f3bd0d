package org.ratebook.engine.usage;

import org.ratebook.tenants.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Which subscription each event of a batch counts for, read once per batch inside the caller's tenant-bound
 * transaction. An event names its subscription (which must be active), or only its account: then it counts for
 * the account's one active subscription on the event's date in the account's time zone; none or several is a
 * rejection that names what there is, so the sender can add the subscriptionId.
 * <p>
 * Plans do not declare their meters yet, so every active subscription of the account is a candidate. Once
 * plans carry usage charges, the candidates narrow to the subscriptions whose plan (in the pack in effect on
 * the event's date) charges for the event's meter.
 */
final class UsageAddresses {

    /** A subscription the event counts for, or why there is none. */
    record Address(UUID subscriptionId, String problem) {
    }

    private record Candidate(UUID subscriptionId, String plan, LocalDate start) {
        String describe() {
            return plan + " from " + start + " (subscription " + subscriptionId + ")";
        }
    }

    private record Account(ZoneId zone, List<Candidate> subscriptions) {
    }

    /** subscription id → its account, for the active subscriptions the batch names. */
    private final Map<UUID, UUID> named;
    private final Map<UUID, Account> accounts;

    private UsageAddresses(Map<UUID, UUID> named, Map<UUID, Account> accounts) {
        this.named = named;
        this.accounts = accounts;
    }

    static UsageAddresses read(JdbcTemplate jdbc, TenantId tenant, List<UsageEvent> events) {
        UUID[] subscriptionIds = events.stream().map(UsageEvent::subscriptionId).filter(Objects::nonNull).distinct()
                .toArray(UUID[]::new);
        UUID[] accountIds = events.stream().filter(e -> e.subscriptionId() == null).map(UsageEvent::accountId)
                .filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        Map<UUID, UUID> named = new HashMap<>();
        if (subscriptionIds.length > 0) {
            jdbc.query("""
                    SELECT subscription_id, account_id FROM subscriptions
                    WHERE tenant_id = ? AND state = 'ACTIVE' AND subscription_id = ANY (?)""",
                    rs -> {
                        named.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    }, tenant.value(), subscriptionIds);
        }
        Map<UUID, Account> accounts = new HashMap<>();
        if (accountIds.length > 0) {
            jdbc.query("""
                    SELECT a.account_id, a.time_zone, s.subscription_id, s.plan, s.start_date
                    FROM accounts a
                    LEFT JOIN subscriptions s ON s.tenant_id = a.tenant_id AND s.account_id = a.account_id
                                             AND s.state = 'ACTIVE'
                    WHERE a.tenant_id = ? AND a.account_id = ANY (?)
                    ORDER BY a.account_id, s.start_date, s.plan, s.subscription_id""",
                    rs -> {
                        ZoneId zone = ZoneId.of(rs.getString(2));
                        Account account = accounts.computeIfAbsent(rs.getObject(1, UUID.class),
                                id -> new Account(zone, new ArrayList<>()));
                        UUID subscription = rs.getObject(3, UUID.class);
                        if (subscription != null) {
                            account.subscriptions().add(new Candidate(subscription, rs.getString(4),
                                    rs.getDate(5).toLocalDate()));
                        }
                    }, tenant.value(), accountIds);
        }
        return new UsageAddresses(named, accounts);
    }

    /** The event's subscription; its timestamp must be present when it is addressed by account. */
    Address of(UsageEvent e) {
        if (e.subscriptionId() != null) {
            UUID account = named.get(e.subscriptionId());
            if (account == null) {
                return new Address(null, "unknown subscription " + e.subscriptionId());
            }
            if (e.accountId() != null && !e.accountId().equals(account)) {
                return new Address(null, "subscription " + e.subscriptionId() + " does not belong to account "
                        + e.accountId());
            }
            return new Address(e.subscriptionId(), null);
        }
        if (e.accountId() == null) {
            return new Address(null, "subscriptionId or accountId is required");
        }
        Account account = accounts.get(e.accountId());
        if (account == null) {
            return new Address(null, "unknown account " + e.accountId());
        }
        return attribute(e.accountId(), account, e.timestamp());
    }

    private static Address attribute(UUID accountId, Account account, Instant at) {
        LocalDate day = at.atZone(account.zone()).toLocalDate();
        List<Candidate> active = account.subscriptions().stream().filter(s -> !s.start().isAfter(day)).toList();
        if (active.size() == 1) {
            return new Address(active.getFirst().subscriptionId(), null);
        }
        if (active.isEmpty()) {
            List<String> later = account.subscriptions().stream().map(Candidate::describe).toList();
            return new Address(null, "account " + accountId + " has no active subscription on " + day
                    + (later.isEmpty() ? "" : "; it has " + String.join(", ", later)));
        }
        return new Address(null, "account " + accountId + " has " + active.size() + " active subscriptions on " + day
                + ": " + String.join(", ", active.stream().map(Candidate::describe).toList())
                + "; send subscriptionId to say which one");
    }
}
