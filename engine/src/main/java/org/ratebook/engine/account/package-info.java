/** Accounts: a tenant's customers, with currency, time zone, billing cycle day and address. */
package org.ratebook.engine.account;
