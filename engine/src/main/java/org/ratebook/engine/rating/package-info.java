/**
 * Rating: which usage periods are due (usage is billed in arrear, one period per billing period, at midnight
 * in the account's time zone), what earlier invoices already charged for them (late usage is re-rated and
 * only the difference invoiced), the estimated charge of the current period, and the usage events behind an
 * invoice line. Prices come from the tenant's rule pack through {@code Decisions.usage}; nothing here prices.
 */
package org.ratebook.engine.rating;
