/** Exact money: an amount with its currency, and the single rounding policy. */
package org.ratebook.rules.money;
