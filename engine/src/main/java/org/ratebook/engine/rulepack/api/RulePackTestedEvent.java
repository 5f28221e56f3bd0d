package org.ratebook.engine.rulepack.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.Instant;

/**
 * A version was tested before publication: a simulation on {@code sample} (an account or a described question)
 * gave {@code versionTotal} against {@code inEffectTotal} for the version in effect, or failed with
 * {@code problem}. The lifecycle step between a saved (and therefore validated and compiled) draft and its approval.
 */
@Revision("1")
public record RulePackTestedEvent(TenantId tenantId, int version, String tester, Instant testedAt, String sample,
                                  String versionTotal, String inEffectTotal, String problem) {
}
