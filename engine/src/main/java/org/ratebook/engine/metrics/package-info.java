/**
 * The finance team's figures, computed in PostgreSQL from the read models: MRR and its movement by month,
 * revenue by customer and by product, receivables by age, overdue accounts. Each is a list of plain rows, so the
 * dashboard draws them, prints them as a table and CSV, and the API returns them unchanged.
 */
package org.ratebook.engine.metrics;
