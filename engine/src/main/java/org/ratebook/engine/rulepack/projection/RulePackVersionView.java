package org.ratebook.engine.rulepack.projection;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a tenant's rule pack as listed: its state and, once published, from when it prices. */
public record RulePackVersionView(int version, String name, String contentHash, String status, String author,
                                  String approvedBy, LocalDate effectiveFrom, Instant savedAt) {
}
