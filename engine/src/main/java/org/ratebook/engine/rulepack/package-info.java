/**
 * A tenant's rule pack over time: versions saved as drafts (compiled and validated on save), approved by a
 * second person, published from a date, all as events that carry the full content, so any invoice can be
 * re-derived with the pack of its day. Billing asks {@link org.ratebook.engine.pricing.TenantPacks} for the
 * version in effect on a date; publishing needs no restart.
 */
package org.ratebook.engine.rulepack;
