package org.ratebook.engine.rulepack.projection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a tenant's rule pack as listed: its state and, once published, from when it prices; who last
 * tested it before publication, when, and the outcome in a sentence (null when it was never tested).
 */
public record RulePackVersionView(int version, String name, String contentHash, String status, String author,
                                  String approvedBy, LocalDate effectiveFrom, Instant savedAt, String testedBy,
                                  Instant testedAt, String testSummary) {

    public RulePackVersionView(int version, String name, String contentHash, String status, String author,
                               String approvedBy, LocalDate effectiveFrom, Instant savedAt) {
        this(version, name, contentHash, status, author, approvedBy, effectiveFrom, savedAt, null, null, null);
    }
}
