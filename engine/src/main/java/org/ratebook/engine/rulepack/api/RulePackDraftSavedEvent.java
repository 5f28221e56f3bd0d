package org.ratebook.engine.rulepack.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.Instant;

/** A version was saved as a draft; it compiled and passed validation. It carries the whole content. */
@Revision("1")
public record RulePackDraftSavedEvent(TenantId tenantId, int version, String contentHash, RulePackContent content,
                                      String author, Instant savedAt) {
}
