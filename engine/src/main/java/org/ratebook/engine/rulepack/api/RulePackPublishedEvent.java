package org.ratebook.engine.rulepack.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.Instant;
import java.time.LocalDate;

/** A version prices billing periods from {@code effectiveFrom} until a later publication takes over. */
@Revision("1")
public record RulePackPublishedEvent(TenantId tenantId, int version, String contentHash, LocalDate effectiveFrom,
                                     String publisher, Instant publishedAt) {
}
