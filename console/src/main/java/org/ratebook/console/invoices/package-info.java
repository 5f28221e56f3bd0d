/** The invoices pages: search over every invoice of the tenant, and one invoice with its lines and their "why". */
package org.ratebook.console.invoices;
