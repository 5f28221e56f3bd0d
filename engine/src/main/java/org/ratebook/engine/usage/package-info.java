/**
 * Usage metering: a per-tenant meter registry, and ingestion that is durable before it is acknowledged,
 * idempotent by a database constraint on (tenant, subscription, transaction id), and batched so tens of
 * thousands of events a second fit through it.
 */
package org.ratebook.engine.usage;
