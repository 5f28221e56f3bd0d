package org.ratebook.engine.rulepack.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The operator installs a pack from files (the shipped default pack, a tenant's pack kept in git): saved and
 * published in one step, with the operator named as both author and approver of record.
 */
public record ImportRulePackCommand(@TargetAggregateIdentifier RulePackId packId, RulePackContent content,
                                    LocalDate effectiveFrom, String operator) {
}
