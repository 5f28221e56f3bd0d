package org.ratebook.rules.fact;

/** When a period is invoiced: at its start (prepaid) or after its end (postpaid). */
public enum BillingMode {
    IN_ADVANCE,
    IN_ARREAR
}
