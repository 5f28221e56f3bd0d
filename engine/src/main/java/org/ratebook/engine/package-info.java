/**
 * The billing engine: accounts, subscriptions, the billing run and invoices as Axon aggregates and
 * projections on PostgreSQL, priced by each tenant's rule pack through {@code org.ratebook.rules}.
 */
package org.ratebook.engine;
