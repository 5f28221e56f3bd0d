package org.ratebook.engine.rulepack.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.Instant;

/**
 * A version was saved as a draft; it compiled and passed validation. It carries the whole content. Revision 2:
 * the content may carry tables and tax settings (revision 1 events read back with none and the defaults).
 */
@Revision("2")
public record RulePackDraftSavedEvent(TenantId tenantId, int version, String contentHash, RulePackContent content,
                                      String author, Instant savedAt) {
}
