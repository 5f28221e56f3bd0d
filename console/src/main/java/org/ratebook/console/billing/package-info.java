/** Billing runs from the console: started for a date or as a dry run, run in the background with progress, kept in a history; the sandbox test clock. */
package org.ratebook.console.billing;
