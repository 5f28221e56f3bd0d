/**
 * The audit log: who (user or API key), when, from where (client address) and what (command or setting, and
 * its target) for every command, console sign-in and configuration change; read through
 * {@code GET /api/v1/audit-log} (filters, keyset paging, CSV) and the auditor's console view. Decision 018.
 */
package org.ratebook.console.audit;
