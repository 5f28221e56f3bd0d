package org.ratebook.engine.rulepack.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A second person approves a draft version; the author cannot approve their own. */
public record ApproveRulePackCommand(@TargetAggregateIdentifier RulePackId packId, int version, String approver) {
}
