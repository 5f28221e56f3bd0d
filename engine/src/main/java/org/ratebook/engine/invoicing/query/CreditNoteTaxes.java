package org.ratebook.engine.invoicing.query;

import org.ratebook.engine.invoicing.api.CreditNoteTax;
import org.ratebook.engine.invoicing.domain.CreditNoteTaxSplit;

import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tax a credit note gives back, per tax of the invoice it credits: as it was decided when the credit note was
 * issued and stored in its event ({@link CreditNoteTaxSplit}). Credit notes issued before the split was stored
 * (event revision 1) have none; for them alone it is worked out from the invoice, which never changes, with the
 * rounding of the pack in effect on the invoice date, as it was shown before.
 */
public final class CreditNoteTaxes {

    private CreditNoteTaxes() {
    }

    /** The stored split, or for an old credit note the one worked out with {@code oldNotesRounding}. */
    public static List<TaxSubtotal> of(CreditNoteView note, InvoiceView invoice,
                                       Supplier<RoundingMode> oldNotesRounding) {
        if (note.taxes() != null) {
            return note.taxes();
        }
        return of(note, invoice, oldNotesRounding.get());
    }

    /** The split worked out from the invoice with {@code rounding} (what the invoice decides at issue). */
    public static List<TaxSubtotal> of(CreditNoteView note, InvoiceView invoice, RoundingMode rounding) {
        List<CreditNoteTax> invoiceTaxes = invoice.taxes().stream()
                .map(t -> new CreditNoteTax(t.label(), t.rate(), t.taxableAmount(), t.taxAmount())).toList();
        return CreditNoteTaxSplit.split(note.amount(), Currency.getInstance(note.currency()), invoiceTaxes, rounding)
                .stream().map(CreditNoteTaxes::subtotal).toList();
    }

    static TaxSubtotal subtotal(CreditNoteTax t) {
        return new TaxSubtotal(t.label(), t.rate(), t.taxableAmount(), t.taxAmount());
    }
}
