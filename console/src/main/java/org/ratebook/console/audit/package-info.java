/**
 * Auditors in the console and over the API: an account's event timeline, its state as of any day (two side by
 * side), an invoice re-derived from the events. Read-only for everyone; checked on the route and in
 * {@link org.ratebook.console.audit.AuditService}.
 */
package org.ratebook.console.audit;
