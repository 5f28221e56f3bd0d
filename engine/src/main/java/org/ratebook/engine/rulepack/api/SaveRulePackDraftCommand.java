package org.ratebook.engine.rulepack.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Save new pack content as the next version, a draft. Refused if it does not validate and compile. */
public record SaveRulePackDraftCommand(@TargetAggregateIdentifier RulePackId packId, RulePackContent content,
                                       String author) {
}
