package org.ratebook.engine.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The tenant's rules flagged a subscription's usage of a meter in a period as unusual when they decided the
 * invoice that bills it: the quantity, the trailing average it was compared with, the reason and the rule.
 */
public record UsageSpikeFlag(String subscriptionId, String meter, LocalDate from, LocalDate to, BigDecimal quantity,
                             BigDecimal trailingAverage, String reason, String rule) {
}
