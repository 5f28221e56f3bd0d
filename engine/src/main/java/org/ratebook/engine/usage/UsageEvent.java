package org.ratebook.engine.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One measurement as sent by a client; {@code transactionId} is its idempotency key. It names its
 * subscription, or only its account ({@code subscriptionId} null, {@code accountId} set): then it belongs to the
 * account's one active subscription on the event's date (see {@link UsageIngestion}). {@code properties} are
 * stored with the event (JSONB) for aggregations over them, such as a unique count.
 */
public record UsageEvent(String transactionId, UUID subscriptionId, String meter, BigDecimal quantity,
                         Instant timestamp, Map<String, String> properties, UUID accountId) {

    /** An event addressed to its subscription. */
    public UsageEvent(String transactionId, UUID subscriptionId, String meter, BigDecimal quantity, Instant timestamp,
                      Map<String, String> properties) {
        this(transactionId, subscriptionId, meter, quantity, timestamp, properties, null);
    }

    /** An event addressed to an account, attributed to the account's one active subscription. */
    public static UsageEvent forAccount(String transactionId, UUID accountId, String meter, BigDecimal quantity,
                                        Instant timestamp, Map<String, String> properties) {
        return new UsageEvent(transactionId, null, meter, quantity, timestamp, properties, accountId);
    }
}
