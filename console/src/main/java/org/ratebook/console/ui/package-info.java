/** The Vaadin console: invoices and, for every line, why it is what it is. */
package org.ratebook.console.ui;
