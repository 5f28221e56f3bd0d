package org.ratebook.engine.rulepack.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.Instant;

@Revision("1")
public record RulePackApprovedEvent(TenantId tenantId, int version, String approver, Instant approvedAt) {
}
