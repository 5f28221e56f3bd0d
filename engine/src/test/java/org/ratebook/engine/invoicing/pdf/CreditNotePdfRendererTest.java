package org.ratebook.engine.invoicing.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.invoicing.query.CreditNoteTaxes;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.invoicing.query.TaxSubtotal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A credit note is its own document; the PDF is parsed back to check what it says. */
class CreditNotePdfRendererTest {

    private final CreditNotePdfRenderer renderer = new CreditNotePdfRenderer();

    /**
     * Invoice: 100.00 at VAT 19% (19.00) and 50.00 at VAT 7% (3.50), gross 119.00 + 53.50 = 172.50. A credit
     * note of 34.50 is a fifth of it: 23.80 of the 19% gross (20.00 + 3.80 tax) and 10.70 of the 7% gross
     * (10.00 + 0.70 tax).
     */
    private static InvoiceView invoice() {
        List<InvoiceLineView> lines = List.of(line(1, "Hosting Pro", "100.00", "19", "19.00", "VAT 19%"),
                line(2, "Support book", "50.00", "7", "3.50", "VAT 7%"));
        return new InvoiceView(UUID.randomUUID(), "demo", UUID.randomUUID(), "INV-000042", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 15), "PAID", "EUR", new BigDecimal("150.00"), new BigDecimal("22.50"),
                new BigDecimal("172.50"), new BigDecimal("172.50"), "default", 1, "a".repeat(64),
                new Party("Demo Hosting GmbH", List.of("Hauptstrasse 1", "10115 Berlin"), "DE123456789"),
                new Party("ACME Corp", List.of("1 Road Runner Way"), null), lines);
    }

    private static InvoiceLineView line(int no, String description, String amount, String rate, String tax,
                                        String label) {
        return new InvoiceLineView(no, UUID.randomUUID(), "PLAN", description, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount),
                new BigDecimal(rate), new BigDecimal(tax), label, List.of("Recurring plan price from the catalog"));
    }

    private static CreditNoteView note(InvoiceView invoice) {
        return new CreditNoteView("CN-000007", invoice.invoiceId(), "cn_1", new BigDecimal("34.50"),
                new BigDecimal("0.00"), new BigDecimal("34.50"), "EUR", "Outage on 3 March", LocalDate.of(2026, 3, 5));
    }

    @Test
    void theCreditNoteSharesItsAmountAmongTheInvoicesRatesByTheirGross() {
        InvoiceView invoice = invoice();
        List<TaxSubtotal> taxes = CreditNoteTaxes.of(note(invoice), invoice, RoundingMode.HALF_UP);
        assertThat(taxes).extracting(TaxSubtotal::label).containsExactly("VAT 19%", "VAT 7%");
        assertThat(taxes.get(0).taxableAmount()).isEqualByComparingTo("20.00");
        assertThat(taxes.get(0).taxAmount()).isEqualByComparingTo("3.80");
        assertThat(taxes.get(1).taxableAmount()).isEqualByComparingTo("10.00");
        assertThat(taxes.get(1).taxAmount()).isEqualByComparingTo("0.70");
        BigDecimal total = taxes.stream().map(t -> t.taxableAmount().add(t.taxAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("34.50");
    }

    /** 10.00 over gross 119.00 and 53.50: 6.90 (5.80 + 1.10) and the remainder 3.10 (2.90 + 0.20). */
    @Test
    void roundedSharesStillAddUpToTheCreditNote() {
        InvoiceView invoice = invoice();
        CreditNoteView ten = new CreditNoteView("CN-000008", invoice.invoiceId(), "cn_2", new BigDecimal("10.00"),
                new BigDecimal("10.00"), new BigDecimal("0.00"), "EUR", "goodwill", LocalDate.of(2026, 3, 5));
        List<TaxSubtotal> taxes = CreditNoteTaxes.of(ten, invoice, RoundingMode.HALF_UP);
        assertThat(taxes.get(0).taxableAmount().add(taxes.get(0).taxAmount())).isEqualByComparingTo("6.90");
        assertThat(taxes.get(0).taxAmount()).isEqualByComparingTo("1.10");
        assertThat(taxes.get(1).taxableAmount().add(taxes.get(1).taxAmount())).isEqualByComparingTo("3.10");
        assertThat(taxes.get(1).taxAmount()).isEqualByComparingTo("0.20");
    }

    @Test
    void thePdfNamesTheCreditNoteTheInvoiceItCreditsItsAmountsTaxPerRateAndReason() throws IOException {
        InvoiceView invoice = invoice();
        CreditNoteView note = note(invoice);
        byte[] pdf = renderer.render(note, invoice, CreditNoteTaxes.of(note, invoice, RoundingMode.HALF_UP));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Credit note CN-000007", "Issued on: 2026-03-05",
                    "Credits invoice INV-000042 of 2026-03-01", "Demo Hosting GmbH", "ACME Corp",
                    "Outage on 3 March", "Credit note total", "34.50 EUR", "Taken off invoice INV-000042",
                    "0.00 EUR", "Kept as account credit");
            assertThat(text).containsPattern("VAT 19% +20\\.00 EUR +3\\.80 EUR +23\\.80 EUR");
            assertThat(text).containsPattern("VAT 7% +10\\.00 EUR +0\\.70 EUR +10\\.70 EUR");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Credit note CN-000007");
        }
    }

    @Test
    void amountsStoredWithFourDecimalsArePrintedInCents() {
        assertThat(CreditNotePdfRenderer.money(new BigDecimal("10.0000"), "USD")).isEqualTo("10.00 USD");
        assertThat(CreditNotePdfRenderer.money(new BigDecimal("-3.2100"), "EUR")).isEqualTo("-3.21 EUR");
        assertThat(CreditNotePdfRenderer.money(new BigDecimal("500.0000"), "JPY")).isEqualTo("500 JPY");
        assertThat(CreditNotePdfRenderer.money(new BigDecimal("0.0050"), "EUR")).as("never rounded on the way out")
                .isEqualTo("0.005 EUR");
    }
}
