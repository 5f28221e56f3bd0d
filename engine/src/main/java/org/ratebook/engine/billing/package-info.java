/**
 * The billing run: for a tenant and a target date, find what is due, ask the tenant's rule pack for the
 * charges, and issue one invoice per account and invoice date. Safe to repeat: invoices have deterministic ids.
 */
package org.ratebook.engine.billing;
