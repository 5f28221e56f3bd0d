package org.ratebook.engine.invoicing.domain;

import org.ratebook.engine.invoicing.api.CreditNoteTax;
import org.ratebook.engine.invoicing.api.InvoiceLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tax a credit note gives back, per tax of the invoice it credits. A credit note is an amount including tax
 * taken off the invoice as a whole, so it is shared among the invoice's taxes in proportion to what each took of
 * the invoice's gross (taxed amount plus tax), rounded to the currency with the pack's rounding, the last share
 * taking the remainder so the shares add up to the credit note exactly; within a share, the tax is at the
 * invoice's own proportion of tax to gross for that rate. Pure: the invoice decides it once, at issue.
 */
public final class CreditNoteTaxSplit {

    private CreditNoteTaxSplit() {
    }

    /** The invoice's taxes (label, rate, taxed amount, tax), in line order; credit moved is not a supply. */
    public static List<CreditNoteTax> taxesOf(List<InvoiceLine> lines) {
        Map<String, CreditNoteTax> byTax = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            if ("CREDIT".equals(line.itemType())) {
                continue;
            }
            String key = line.taxLabel() + "|" + line.taxRate().stripTrailingZeros().toPlainString();
            byTax.merge(key, new CreditNoteTax(line.taxLabel(), line.taxRate(), line.amount(), line.taxAmount()),
                    (a, b) -> new CreditNoteTax(a.label(), a.rate(), a.taxableAmount().add(b.taxableAmount()),
                            a.taxAmount().add(b.taxAmount())));
        }
        return List.copyOf(byTax.values());
    }

    /** The split of a credit note of {@code amount} (tax included) over {@code invoiceTaxes}. */
    public static List<CreditNoteTax> split(BigDecimal amount, Currency currency, List<CreditNoteTax> invoiceTaxes,
                                            RoundingMode rounding) {
        int scale = currency.getDefaultFractionDigits();
        List<CreditNoteTax> taxes = invoiceTaxes.stream()
                .filter(t -> t.taxableAmount().add(t.taxAmount()).signum() != 0).toList();
        BigDecimal gross = taxes.stream().map(t -> t.taxableAmount().add(t.taxAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (taxes.isEmpty() || gross.signum() <= 0) {
            return List.of(new CreditNoteTax("No tax", BigDecimal.ZERO, amount, BigDecimal.ZERO.setScale(scale)));
        }
        List<CreditNoteTax> shares = new ArrayList<>();
        BigDecimal left = amount;
        for (int i = 0; i < taxes.size(); i++) {
            CreditNoteTax tax = taxes.get(i);
            BigDecimal taxGross = tax.taxableAmount().add(tax.taxAmount());
            BigDecimal share = i == taxes.size() - 1 ? left : amount.multiply(taxGross).divide(gross, scale, rounding);
            left = left.subtract(share);
            BigDecimal taxInShare = share.multiply(tax.taxAmount()).divide(taxGross, scale, rounding);
            shares.add(new CreditNoteTax(tax.label(), tax.rate(), share.subtract(taxInShare).setScale(scale),
                    taxInShare));
        }
        return List.copyOf(shares);
    }
}
