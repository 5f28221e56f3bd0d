package org.ratebook.engine.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.AccountSegmentChangedEvent;
import org.ratebook.engine.account.api.AccountTaxDetailsChangedEvent;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.charge.api.OneOffChargeAddedEvent;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.dunning.api.AccountReinstatedEvent;
import org.ratebook.engine.dunning.api.AccountSuspendedEvent;
import org.ratebook.engine.dunning.api.AccountTerminatedEvent;
import org.ratebook.engine.dunning.api.DunningStateChangedEvent;
import org.ratebook.engine.dunning.api.PaymentReminderSentEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftDiscardedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceFinalizedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoicePaidEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.engine.rulepack.api.RulePackApprovedEvent;
import org.ratebook.engine.rulepack.api.RulePackDraftSavedEvent;
import org.ratebook.engine.rulepack.api.RulePackPublishedEvent;
import org.ratebook.engine.rulepack.api.RulePackRolledBackEvent;
import org.ratebook.engine.rulepack.api.RulePackTestedEvent;
import org.ratebook.engine.subscription.api.PlanChangedEvent;
import org.ratebook.engine.subscription.api.QuantityChangedEvent;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionPausedEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionResumedEvent;
import org.ratebook.tenants.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the event store as an auditor does: the events of one account (its own, and those of its subscriptions,
 * invoices, payments, credit notes, coupons, one-off charges and dunning), of a tenant's rule pack, or one event
 * by its position. Straight from {@code domain_event_entry}, never from a read model; events belong to a tenant
 * by the {@code tenantId} every payload carries (the event store sits outside row-level security).
 */
@Component
public class EventHistory {

    /**
     * Metadata keys read, in this order, for who caused an event. The audit log's dispatch interceptor puts the
     * acting user or API key's name under {@code auditActor} on every command, and Axon copies it onto the events
     * the command caused (a correlation data provider, decision 018); the others are accepted for metadata
     * written by other means.
     */
    public static final List<String> ACTOR_KEYS = List.of("auditActor", "actor", "username", "userId", "principal",
            "apiKey");
    public static final String UNKNOWN = "unknown";

    private static final String COLUMNS = """
            global_index, aggregate_identifier, sequence_number, type, payload_type, time_stamp,
            convert_from(payload, 'UTF8') AS payload_json, convert_from(meta_data, 'UTF8') AS meta_json""";
    private static final String TENANT = "convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?";

    private final JdbcTemplate jdbc;
    // exact decimals in trees too: Jackson's default node factory strips trailing zeros (49.00 would read as 49)
    private final ObjectMapper mapper = AxonConfiguration.eventMapper()
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private final Map<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();

    public EventHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A reader of events handed over as text (an audit bundle), with no database behind it. */
    public static EventHistory offline() {
        return new EventHistory(null);
    }

    /** Every event of the account and of the aggregates that name it, in the order they were stored. */
    public List<AuditEvent> ofAccount(TenantId tenant, AccountId account) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM domain_event_entry
                WHERE aggregate_identifier IN (
                      SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                       WHERE convert_from(payload, 'UTF8')::jsonb #>> '{accountId,value}' = ? AND""" + " " + TENANT
                + ") ORDER BY global_index", mapper(), account.value().toString(), tenant.value());
    }

    /** The accounts of a tenant whose events name {@code parent} as the parent that receives their invoices. */
    public List<AuditEvent> parentLinks(TenantId tenant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE payload_type = ? AND " + TENANT
                + " ORDER BY global_index", mapper(), ParentAccountSetEvent.class.getName(), tenant.value());
    }

    /** The rule pack's events of a tenant (every version's content, approval, publication), in order. */
    public List<AuditEvent> ofRulePack(TenantId tenant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE payload_type LIKE ? AND " + TENANT
                + " ORDER BY global_index", mapper(), "org.ratebook.engine.rulepack.api.%", tenant.value());
    }

    /** The events of one aggregate, in order. */
    public List<AuditEvent> ofAggregate(TenantId tenant, String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? AND "
                + TENANT + " ORDER BY sequence_number", mapper(), aggregateId, tenant.value());
    }

    /** One event of the tenant by its position in the store. */
    public Optional<AuditEvent> at(TenantId tenant, long globalIndex) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index = ? AND " + TENANT,
                mapper(), globalIndex, tenant.value()).stream().findFirst();
    }

    /** The tenant's accounts as their creation events name them: id and name, by name. */
    public List<Map.Entry<String, String>> accounts(TenantId tenant) {
        return jdbc.query("""
                SELECT convert_from(payload, 'UTF8')::jsonb #>> '{accountId,value}' AS id,
                       convert_from(payload, 'UTF8')::jsonb ->> 'name' AS name
                  FROM domain_event_entry WHERE payload_type = ? AND""" + " " + TENANT + " ORDER BY 2, 1",
                (rs, n) -> Map.entry(rs.getString("id"), rs.getString("name")), AccountCreatedEvent.class.getName(),
                tenant.value());
    }

    /** The invoice ids (aggregate identifiers) of a tenant's invoices, drafts included, oldest first. */
    public List<String> invoiceIds(TenantId tenant) {
        return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type IN (?, ?) AND "
                        + TENANT + " GROUP BY aggregate_identifier ORDER BY min(global_index)", String.class, InvoiceIssuedEvent.class.getName(),
                InvoiceDraftedEvent.class.getName(), tenant.value());
    }

    private RowMapper<AuditEvent> mapper() {
        return (rs, n) -> parse(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("type"), rs.getString("payload_type"),
                rs.getString("time_stamp"), rs.getString("payload_json"), rs.getString("meta_json"));
    }

    /** One stored event from its columns (as the store or an audit bundle holds them). */
    public AuditEvent parse(long globalIndex, String aggregateId, long sequence, String aggregateType,
                            String payloadType, String timestamp, String payloadJson, String metaJson) {
        JsonNode json = read(payloadJson);
        Map<String, Object> metadata = metadata(metaJson);
        Object payload = typed(payloadType, payloadJson);
        String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        Instant recorded = Instant.parse(timestamp);
        return new AuditEvent(globalIndex, aggregateId, sequence, aggregateType, simple,
                businessDate(payload, recorded), recorded, who(metadata, payload), packVersion(payload),
                EventSummaries.summary(payload, simple), payload, json, metadata);
    }

    /** The stored form of an event, for a bundle: the payload type and its JSON text. */
    public static String payloadType(AuditEvent e) {
        return e.payload() != null ? e.payload().getClass().getName() : e.type();
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text == null ? "null" : text);
        } catch (Exception e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }

    private Map<String, Object> metadata(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = mapper.readValue(text, new TypeReference<Map<String, Object>>() { });
            return map == null ? Map.of() : map;
        } catch (Exception e) {
            return Map.of();
        }
    }

    private Object typed(String payloadType, String text) {
        Optional<Class<?>> type = classes.computeIfAbsent(payloadType, t -> {
            try {
                return Optional.of(Class.forName(t, false, EventHistory.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
        if (type.isEmpty()) {
            return null;
        }
        try {
            return mapper.readValue(text, type.get());
        } catch (Exception e) {
            return null; // a tampered or unreadable payload: the json is still shown, and re-derivation says so
        }
    }

    static String who(Map<String, Object> metadata, Object payload) {
        for (String key : ACTOR_KEYS) {
            Object value = metadata.get(key);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        String named = switch (payload) {
            case RulePackDraftSavedEvent e -> e.author();
            case RulePackApprovedEvent e -> e.approver();
            case RulePackPublishedEvent e -> e.publisher();
            case RulePackRolledBackEvent e -> e.author();
            case RulePackTestedEvent e -> e.tester();
            case InvoiceFinalizedEvent e -> e.by();
            case null, default -> null;
        };
        return named == null || named.isBlank() ? UNKNOWN : named;
    }

    static Integer packVersion(Object payload) {
        return switch (payload) {
            case InvoiceIssuedEvent e -> e.pack() == null ? null : e.pack().version();
            case InvoiceDraftedEvent e -> e.pack() == null ? null : e.pack().version();
            case DunningStateChangedEvent e -> e.pack() == null ? null : e.pack().version();
            case AccountSuspendedEvent e -> e.pack() == null ? null : e.pack().version();
            case AccountReinstatedEvent e -> e.pack() == null ? null : e.pack().version();
            case AccountTerminatedEvent e -> e.pack() == null ? null : e.pack().version();
            case PaymentReminderSentEvent e -> e.pack() == null ? null : e.pack().version();
            case SubscriptionCreatedEvent e -> e.packVersion() == 0 ? null : e.packVersion();
            case PlanChangedEvent e -> e.packVersion() == 0 ? null : e.packVersion();
            case CouponRedeemedEvent e -> e.packVersion() == 0 ? null : e.packVersion();
            case RulePackDraftSavedEvent e -> e.version();
            case RulePackApprovedEvent e -> e.version();
            case RulePackPublishedEvent e -> e.version();
            case RulePackRolledBackEvent e -> e.version();
            case RulePackTestedEvent e -> e.version();
            case null, default -> null;
        };
    }

    /** The billing date an event speaks of; its recorded day when it names none. */
    static LocalDate businessDate(Object payload, Instant recorded) {
        LocalDate date = switch (payload) {
            case AccountCreatedEvent e -> e.createdOn();
            case AccountSegmentChangedEvent e -> e.changedOn();
            case AccountTaxDetailsChangedEvent e -> e.changedOn();
            case ParentAccountSetEvent e -> e.setOn();
            case SubscriptionCreatedEvent e -> e.startDate();
            case PlanChangedEvent e -> e.requestedOn();
            case QuantityChangedEvent e -> e.requestedOn();
            case SubscriptionPausedEvent e -> e.requestedOn();
            case SubscriptionResumedEvent e -> e.requestedOn();
            case SubscriptionCancelledEvent e -> e.requestedOn();
            case SubscriptionReinstatedEvent e -> e.requestedOn();
            case InvoiceIssuedEvent e -> e.invoiceDate();
            case InvoiceDraftedEvent e -> e.invoiceDate();
            case InvoiceFinalizedEvent e -> e.issuedOn();
            case InvoiceDraftDiscardedEvent e -> e.discardedOn();
            case InvoiceVoidedEvent e -> e.voidedOn();
            case InvoicePaidEvent e -> e.paidOn();
            case PaymentRecordedEvent e -> e.receivedOn();
            case PaymentRefundedEvent e -> e.refundedOn();
            case CreditNoteIssuedEvent e -> e.issuedOn();
            case org.ratebook.engine.account.api.AccountCreditGivenEvent e -> e.givenOn();
            case org.ratebook.engine.account.api.AccountCreditTakenEvent e -> e.takenOn();
            case org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOffEvent e -> e.switchedOffOn();
            case org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOnEvent e -> e.switchedOnOn();
            case DunningStateChangedEvent e -> e.on();
            case AccountSuspendedEvent e -> e.on();
            case AccountReinstatedEvent e -> e.on();
            case AccountTerminatedEvent e -> e.on();
            case PaymentReminderSentEvent e -> e.on();
            case CouponRedeemedEvent e -> e.redeemedOn();
            case OneOffChargeAddedEvent e -> e.enteredOn();
            case RulePackPublishedEvent e -> e.effectiveFrom();
            case null, default -> null;
        };
        return date != null ? date : LocalDate.ofInstant(recorded, ZoneOffset.UTC);
    }

    /** The event types an account's timeline can hold, for filters. */
    public static final Set<String> ACCOUNT_TYPES = Set.of("AccountCreatedEvent", "AccountSegmentChangedEvent",
            "AccountTaxDetailsChangedEvent", "ParentAccountSetEvent", "SubscriptionCreatedEvent", "PlanChangedEvent",
            "QuantityChangedEvent", "SubscriptionPausedEvent", "SubscriptionResumedEvent",
            "SubscriptionCancelledEvent", "SubscriptionReinstatedEvent", "InvoiceIssuedEvent", "InvoiceDraftedEvent",
            "InvoiceFinalizedEvent", "InvoiceDraftDiscardedEvent", "InvoiceVoidedEvent", "InvoicePaidEvent",
            "PaymentRecordedEvent", "PaymentRefundedEvent", "CreditNoteIssuedEvent", "DunningStateChangedEvent",
            "AccountSuspendedEvent", "AccountReinstatedEvent", "AccountTerminatedEvent", "PaymentReminderSentEvent",
            "CouponRedeemedEvent", "OneOffChargeAddedEvent", "AccountCreditGivenEvent", "AccountCreditTakenEvent",
            "AutomaticInvoicingSwitchedOffEvent", "AutomaticInvoicingSwitchedOnEvent");

    static String money(BigDecimal amount, String currency) {
        return (amount == null ? "?" : amount.toPlainString()) + " " + (currency == null ? "" : currency);
    }
}
