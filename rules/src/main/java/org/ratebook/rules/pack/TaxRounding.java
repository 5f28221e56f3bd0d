package org.ratebook.rules.pack;

/**
 * Where tax is rounded to the cent: on each line (tax of a line and its discounts, rounded once), or once per
 * rate on the invoice's taxable total, then shared out over the lines so that they still add up.
 */
public enum TaxRounding {
    LINE,
    INVOICE
}
