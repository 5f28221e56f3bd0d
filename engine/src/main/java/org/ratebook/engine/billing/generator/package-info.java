/**
 * The invoice generator: billing events in, invoice items out, for an explicit target date (Kill Bill's
 * shape). Pure and clock-free. It decides <em>which spans</em> are due and what earlier items must be partly
 * taken back; the tenant's rules decide what a span costs, and repairs are computed from what was billed,
 * never re-priced.
 */
package org.ratebook.engine.billing.generator;
