package org.ratebook.engine.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One measurement as sent by a client; {@code transactionId} is its idempotency key. */
public record UsageEvent(String transactionId, UUID subscriptionId, String meter, BigDecimal quantity,
                         Instant timestamp, Map<String, String> properties) {
}
