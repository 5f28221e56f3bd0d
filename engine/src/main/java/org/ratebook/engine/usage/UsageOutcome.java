package org.ratebook.engine.usage;

/** What happened to one event of a batch: stored, already stored before, or refused (with the reason). */
public record UsageOutcome(String transactionId, Status status, String reason) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    static UsageOutcome accepted(String transactionId) {
        return new UsageOutcome(transactionId, Status.ACCEPTED, null);
    }

    static UsageOutcome duplicate(String transactionId) {
        return new UsageOutcome(transactionId, Status.DUPLICATE, null);
    }

    static UsageOutcome rejected(String transactionId, String reason) {
        return new UsageOutcome(transactionId, Status.REJECTED, reason);
    }
}
