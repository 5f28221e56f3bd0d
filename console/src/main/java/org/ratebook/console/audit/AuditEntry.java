package org.ratebook.console.audit;

import java.time.Instant;

/** One line of the audit log. {@code outcome}: {@code OK}, {@code REFUSED} (a 4xx) or {@code FAILED}. */
public record AuditEntry(long entryId, String tenantId, Instant occurredAt, String actor, String actorKind,
                         String clientAddress, String action, String target, String outcome, String detail) {
}
