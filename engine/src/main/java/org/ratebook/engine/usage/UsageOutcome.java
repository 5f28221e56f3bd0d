package org.ratebook.engine.usage;

import java.util.UUID;

/**
 * What happened to one event of a batch: stored, already stored before, or refused (with the reason).
 * {@code subscriptionId} is the subscription the event counts for (the one it named, or the one its account
 * resolved to); null when it was rejected before one was known.
 */
public record UsageOutcome(String transactionId, Status status, String reason, UUID subscriptionId) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    static UsageOutcome accepted(String transactionId, UUID subscriptionId) {
        return new UsageOutcome(transactionId, Status.ACCEPTED, null, subscriptionId);
    }

    static UsageOutcome duplicate(String transactionId, UUID subscriptionId) {
        return new UsageOutcome(transactionId, Status.DUPLICATE, null, subscriptionId);
    }

    static UsageOutcome rejected(String transactionId, String reason, UUID subscriptionId) {
        return new UsageOutcome(transactionId, Status.REJECTED, reason, subscriptionId);
    }
}
