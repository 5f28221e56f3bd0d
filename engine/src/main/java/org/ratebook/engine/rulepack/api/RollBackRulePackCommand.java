package org.ratebook.engine.rulepack.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Roll back to an earlier published version: its content ({@code content}, read from that version) becomes the
 * next version, a draft that goes through approval and publishing like any other, so a rollback is reviewed by a
 * second person and takes effect from a date like any change of pricing.
 */
public record RollBackRulePackCommand(@TargetAggregateIdentifier RulePackId packId, int toVersion,
                                      RulePackContent content, String author) {
}
