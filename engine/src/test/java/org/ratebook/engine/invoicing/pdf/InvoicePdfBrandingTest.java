package org.ratebook.engine.invoicing.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice as a finance team sends it: amount paid and due, how to pay, the seller's brand, any European text. */
class InvoicePdfBrandingTest {

    private static final InvoiceBranding.Brand BRAND = new InvoiceBranding.Brand(null, 0x0A7F3F,
            "Demo Hosting GmbH · HRB 12345 Berlin · Geschäftsführerin Zoë Łukasiewicz", Locale.GERMAN,
            new InvoiceBranding.BankDetails("Demo Hosting GmbH", "Berliner Sparkasse", "DE89370400440532013000",
                    "COBADEFFXXX"));

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer(tenant -> BRAND, null);

    @Test
    void aPartlyPaidInvoiceSaysWhatWasPaidWhatIsDueAndWhereToPayIt() throws IOException {
        InvoiceView invoice = invoice("Ελληνικά · Русский · Čeština · Ærø · Größe", new BigDecimal("1234.50"),
                new BigDecimal("234.50"));
        try (PDDocument document = Loader.loadPDF(renderer.render(invoice))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Amount due: 1.000,00 EUR by 15.01.2026")
                    .contains("paid 234,50 EUR")
                    .contains("Please transfer 1.000,00 EUR to Demo Hosting GmbH, IBAN DE89370400440532013000, "
                            + "BIC COBADEFFXXX (Berliner Sparkasse), quoting INV-000042.")
                    .contains("Geschäftsführerin Zoë Łukasiewicz")
                    .as("Greek, Cyrillic and Latin with diacritics are drawn, not replaced")
                    .contains("Ελληνικά · Русский · Čeština · Ærø · Größe");
            List<String> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans") && f.endsWith("embedded"));
        }
    }

    @Test
    void aPaidInvoiceAsksForNothingAndGivesNoPaymentInstructions() throws IOException {
        InvoiceView invoice = invoice("Hosting Pro", new BigDecimal("49.00"), new BigDecimal("49.00"));
        try (PDDocument document = Loader.loadPDF(renderer.render(invoice))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Amount due: 0,00 EUR (paid in full, thank you)")
                    .doesNotContain("Please transfer");
        }
    }

    private static InvoiceView invoice(String description, BigDecimal total, BigDecimal paid) {
        InvoiceLineView line = new InvoiceLineView(1, UUID.randomUUID(), "RECURRING", description,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), BigDecimal.ONE, total, total,
                BigDecimal.ZERO, new BigDecimal("0.00"), "Reverse charge", List.of("Recurring plan price from the catalog"));
        return new InvoiceView(UUID.randomUUID(), "demo", UUID.randomUUID(), "INV-000042", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 15), "FINALIZED", "EUR", total, new BigDecimal("0.00"), total, paid, "standard",
                1, "9f2c4e6a8b0d1f3a", new Party("Demo Hosting GmbH", List.of("Rechenzentrumstr. 1", "10115 Berlin"),
                "DE123456789"), new Party("Globex SARL", List.of("12 rue de la Paix", "75002 Paris"), "FR40303265045"),
                List.of(line));
    }
}
