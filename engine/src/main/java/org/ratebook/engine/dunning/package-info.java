/**
 * Dunning: where each account stands on its unpaid invoices (good, reminded, warned, suspended, terminated),
 * decided by the suspension rules of the tenant's pack on every payment, refund and void, and every day (a
 * sandbox's test clock walks the days it skips). The {@code Dunning} aggregate records each change with the
 * rules that decided it and tells provisioning systems when service is suspended, resumed or terminated.
 * {@link org.ratebook.engine.dunning.AccountStandings} answers what the rest of billing asks: may this account
 * change plans, is its billing paused.
 */
package org.ratebook.engine.dunning;
