package org.ratebook.rules.decision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rule flagged a subscription's usage of a meter in a period as unusual (e.g. more than three times its
 * trailing average), with the rule's reason and name. A flag, not a charge: nothing is billed for it.
 */
public record UsageSpike(String subscriptionId, String meter, LocalDate from, LocalDate to, BigDecimal quantity,
                         BigDecimal trailingAverage, String reason, String rule) {
}
