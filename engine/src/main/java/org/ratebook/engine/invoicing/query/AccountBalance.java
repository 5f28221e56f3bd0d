package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;

/**
 * An account's position in one currency: what its open invoices still ask for, the credit it holds
 * (overpayments), and the difference (positive: the customer owes; negative: the tenant owes).
 */
public record AccountBalance(String currency, BigDecimal openInvoices, BigDecimal credit, BigDecimal balance) {
}
