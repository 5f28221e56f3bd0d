package org.ratebook.engine.rulepack.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Publish an approved version: billing periods from {@code effectiveFrom} on are priced by it. */
public record PublishRulePackCommand(@TargetAggregateIdentifier RulePackId packId, int version,
                                     LocalDate effectiveFrom, String publisher) {
}
