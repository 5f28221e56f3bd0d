package org.ratebook.engine.billing.generator;

import org.ratebook.rules.time.Fraction;

import java.time.LocalDate;

/**
 * A span of service [from, to) to charge, inside the billing period [periodFrom, periodTo); {@code fraction}
 * is its part of the period under the tenant's day-count convention. For a fixed item, the period is the span.
 * The rules price it; {@code invoiceDate} is the date whose invoice carries it.
 */
public record Span(String subscriptionId, String plan, String phase, int quantity, ItemKind kind, LocalDate from,
                   LocalDate to, LocalDate periodFrom, LocalDate periodTo, Fraction fraction, LocalDate invoiceDate) {
}
