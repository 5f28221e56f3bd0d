/**
 * Tenants: the registry, the tenant scope that binds a transaction to one tenant under PostgreSQL Row-Level
 * Security, API keys, console users and which rule-pack version each tenant bills with.
 */
package org.ratebook.tenants;
