package org.ratebook.engine.rulepack.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Keeps a simulation of a version that is not yet published as its test: who ran it, on what sample, and what the
 * version decided next to the version in effect. {@code problem} is why the version could not decide, if it could
 * not (a failed test is history too).
 */
public record RecordRulePackTestCommand(@TargetAggregateIdentifier RulePackId packId, int version, String tester,
                                        String sample, String versionTotal, String inEffectTotal, String problem) {
}
