package org.ratebook.tenants;

/**
 * Which series an invoice's printed number is drawn from (decision 025): one series for the whole tenant (every
 * tenant's behaviour before), or one series per customer (Lago's per-customer numbering). Both series advance
 * with every invoice, whichever is printed, so a seller switching scope continues either without a gap.
 */
public enum NumberingScope {
    TENANT, CUSTOMER
}
