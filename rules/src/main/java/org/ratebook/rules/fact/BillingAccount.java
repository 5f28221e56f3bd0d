package org.ratebook.rules.fact;

/** The customer being invoiced, as the rules see it. */
public record BillingAccount(String accountId, String currency, String country) {
}
