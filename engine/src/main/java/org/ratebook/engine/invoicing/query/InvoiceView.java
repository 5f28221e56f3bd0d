package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An issued invoice as read from the invoice read model: what the API returns, the console lists and the PDF
 * prints. The pack name, version and hash say which rule pack priced it; {@code amountCredited} is what its
 * credit notes took off.
 */
public record InvoiceView(UUID invoiceId, String tenantId, UUID accountId, String number, LocalDate invoiceDate,
                          LocalDate dueDate, String status, String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
                          BigDecimal amountPaid,
                          String packName, int packVersion, String packHash, Party seller, Party buyer,
                          List<InvoiceLineView> lines, BigDecimal amountCredited) {
    public InvoiceView {
        lines = List.copyOf(lines);
        amountCredited = amountCredited == null ? BigDecimal.ZERO.setScale(total.scale()) : amountCredited;
    }

    public InvoiceView(UUID invoiceId, String tenantId, UUID accountId, String number, LocalDate invoiceDate,
                       LocalDate dueDate, String status, String currency, BigDecimal subtotal, BigDecimal tax,
                       BigDecimal total, BigDecimal amountPaid, String packName, int packVersion, String packHash,
                       Party seller, Party buyer, List<InvoiceLineView> lines) {
        this(invoiceId, tenantId, accountId, number, invoiceDate, dueDate, status, currency, subtotal, tax, total,
                amountPaid, packName, packVersion, packHash, seller, buyer, lines, null);
    }

    /** A draft (status DRAFT, no number yet) or a discarded draft asks for nothing. */
    public boolean isDraft() {
        return "DRAFT".equals(status) || "DISCARDED".equals(status);
    }

    private boolean isPayable() {
        return !"VOID".equals(status) && !isDraft();
    }

    /**
     * The tax summary: per tax (label and rate), in the order the lines first show it, the amount taxed and the
     * tax. It adds up to the invoice's subtotal and tax, since it is the sum of its lines.
     */
    public List<TaxSubtotal> taxes() {
        Map<String, TaxSubtotal> byTax = new LinkedHashMap<>();
        for (InvoiceLineView line : lines) {
            if ("CREDIT".equals(line.itemType())) {
                continue; // credit moved to or from the account is money, not a taxable supply
            }
            String key = line.taxLabel() + "|" + line.taxRate().stripTrailingZeros().toPlainString();
            byTax.merge(key, new TaxSubtotal(line.taxLabel(), line.taxRate(), line.amount(), line.taxAmount()),
                    (a, b) -> new TaxSubtotal(a.label(), a.rate(), a.taxableAmount().add(b.taxableAmount()),
                            a.taxAmount().add(b.taxAmount())));
        }
        return List.copyOf(byTax.values());
    }

    /** What the invoice still asks for: its total less payments and credit notes (nothing while a draft). */
    public BigDecimal balance() {
        return !isPayable() ? BigDecimal.ZERO.setScale(total.scale())
                : total.subtract(amountPaid).subtract(amountCredited);
    }
}
