package org.ratebook.engine.invoicing.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The tax a credit note gives back, per tax of the invoice it credits. A credit note is an amount including tax
 * taken off the invoice as a whole, so it is shared among the invoice's taxes in proportion to what each took
 * of the invoice's gross (taxed amount plus tax), rounded to the currency with the pack's rounding, the last
 * share taking the remainder so the shares add up to the credit note exactly; within a share, the tax is at the
 * invoice's own proportion of tax to gross for that rate.
 */
public final class CreditNoteTaxes {

    private CreditNoteTaxes() {
    }

    public static List<TaxSubtotal> of(CreditNoteView note, InvoiceView invoice, RoundingMode rounding) {
        int scale = Currency.getInstance(note.currency()).getDefaultFractionDigits();
        List<TaxSubtotal> taxes = invoice.taxes().stream()
                .filter(t -> t.taxableAmount().add(t.taxAmount()).signum() != 0).toList();
        BigDecimal gross = taxes.stream().map(t -> t.taxableAmount().add(t.taxAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (taxes.isEmpty() || gross.signum() <= 0) {
            return List.of(new TaxSubtotal("No tax", BigDecimal.ZERO, note.amount(), BigDecimal.ZERO.setScale(scale)));
        }
        List<TaxSubtotal> shares = new ArrayList<>();
        BigDecimal left = note.amount();
        for (int i = 0; i < taxes.size(); i++) {
            TaxSubtotal tax = taxes.get(i);
            BigDecimal taxGross = tax.taxableAmount().add(tax.taxAmount());
            BigDecimal share = i == taxes.size() - 1 ? left
                    : note.amount().multiply(taxGross).divide(gross, scale, rounding);
            left = left.subtract(share);
            BigDecimal taxInShare = share.multiply(tax.taxAmount()).divide(taxGross, scale, rounding);
            shares.add(new TaxSubtotal(tax.label(), tax.rate(), share.subtract(taxInShare).setScale(scale),
                    taxInShare));
        }
        return List.copyOf(shares);
    }
}
