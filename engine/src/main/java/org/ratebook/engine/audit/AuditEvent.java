package org.ratebook.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One stored event as an auditor reads it. {@code businessDate} is the billing date the event speaks of (an
 * invoice's date, a payment's receipt, a change's request), which is what "as of" folds by: on a sandbox tenant
 * the recorded instant is wall time while its billing runs on a test clock. {@code who} comes from the event's
 * metadata ({@link EventHistory#ACTOR_KEYS}) or, failing that, from a person the payload names; "unknown"
 * otherwise. {@code payload} is the typed event (null when its class is gone), {@code json} its stored form.
 */
public record AuditEvent(long globalIndex, String aggregateId, long sequence, String aggregateType, String type,
                         LocalDate businessDate, Instant recordedAt, String who, Integer packVersion,
                         String summary, Object payload, JsonNode json, Map<String, Object> metadata) {
}
