/** The customers (accounts) pages: the searchable list, a new account, and the account page with its tabs and actions. */
package org.ratebook.console.customers;
