/**
 * Auditors replay the event history: an account's timeline, its state as of any date folded from the event
 * store (never from today's read models), invoices re-derived from the events before them and compared field
 * by field, and the self-check that does so on a schedule. See docs/decisions/024-audit-replay.md.
 */
package org.ratebook.engine.audit;
