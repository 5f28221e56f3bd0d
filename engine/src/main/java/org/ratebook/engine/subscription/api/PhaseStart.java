package org.ratebook.engine.subscription.api;

import java.time.LocalDate;

/** From {@code from} on, the subscription is in {@code phase} of its plan; a null phase means service ended. */
public record PhaseStart(String phase, LocalDate from) {
}
