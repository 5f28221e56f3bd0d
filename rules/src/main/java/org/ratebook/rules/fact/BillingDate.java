package org.ratebook.rules.fact;

import java.time.LocalDate;

/** The target date of the billing question; rules use it instead of reading a clock. */
public record BillingDate(LocalDate date) {
}
