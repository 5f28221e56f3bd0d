package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An issued invoice as read from the invoice read model: what the API returns, the console lists and the PDF
 * prints. The pack name, version and hash say which rule pack priced it.
 */
public record InvoiceView(UUID invoiceId, String tenantId, UUID accountId, String number, LocalDate invoiceDate,
                          LocalDate dueDate, String status, String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
                          BigDecimal amountPaid,
                          String packName, int packVersion, String packHash, Party seller, Party buyer,
                          List<InvoiceLineView> lines) {
    public InvoiceView {
        lines = List.copyOf(lines);
    }

    /** What the invoice still asks for. */
    public BigDecimal balance() {
        return "VOID".equals(status) ? BigDecimal.ZERO.setScale(total.scale()) : total.subtract(amountPaid);
    }
}
