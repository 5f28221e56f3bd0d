package org.ratebook.engine.rulepack.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.Instant;

/** Draft {@code version} was created as a rollback to the content of the earlier {@code toVersion}. */
@Revision("1")
public record RulePackRolledBackEvent(TenantId tenantId, int version, int toVersion, String contentHash,
                                      String author, Instant at) {
}
