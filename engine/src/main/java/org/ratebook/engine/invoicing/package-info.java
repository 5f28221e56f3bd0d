/**
 * Invoices: issued once per account and invoice date (a deterministic id makes a second issue collide),
 * numbered gaplessly per tenant, carrying the rule pack and rules behind every line.
 */
package org.ratebook.engine.invoicing;
