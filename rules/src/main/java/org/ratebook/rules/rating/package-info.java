/**
 * Rating: the charge models' exact arithmetic (per unit, graduated, volume, package, percentage, graduated
 * percentage, capacity, pass-through), pure and free of Drools, so every figure can be unit-tested alone.
 * Rules reach it only through {@link org.ratebook.rules.decision.Decisions#usage}.
 */
package org.ratebook.rules.rating;
