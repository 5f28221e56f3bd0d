/**
 * Everything an auditor reads. The audit log: who (user or API key), when, from where (client address) and
 * what (command or setting, and its target) for every command, console sign-in and configuration change; read
 * through {@code GET /api/v1/audit-log} (filters, keyset paging, CSV) and the auditor's console view (decision
 * 018). And the replay of the event history: an account's event timeline, its state as of any day (two side by
 * side), an invoice re-derived from the events (decision 024); read-only for everyone, checked on the route and
 * in {@link org.ratebook.console.audit.AuditService}.
 */
package org.ratebook.console.audit;
