package org.ratebook.engine.invoicing.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

class InvoicePdfRendererTest {

    private static final String PACK_HASH = "9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a";
    private static final List<String> HOSTING_RULES =
            List.of("Recurring plan price from the catalog", "No tax configured for the seller");

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

    @Test
    void pdfShowsSellerBuyerLinesAndTotals() throws IOException {
        byte[] pdf = renderer.render(invoice(List.of(line(1, "Hosting Pro (monthly, in advance)"))));

        assertThat(pdf).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(textOf(document)).contains("INV-000042", "Demo Hosting GmbH", "ACME Corp",
                    "Hosting Pro (monthly, in advance)", "49.00 EUR", "Total",
                    "Recurring plan price from the catalog");
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Invoice INV-000042");
            assertThat(info.getAuthor()).isEqualTo("Demo Hosting GmbH");
            assertThat(info.getCreator()).isEqualTo("Ratebook");
        }
    }

    @Test
    void manyLinesFlowOntoFurtherPages() throws IOException {
        List<String> descriptions = IntStream.rangeClosed(1, 120).mapToObj(no -> "Seat add-on %03d".formatted(no))
                .toList();
        List<InvoiceLineView> lines = IntStream.rangeClosed(1, 120)
                .mapToObj(no -> line(no, descriptions.get(no - 1)))
                .toList();

        byte[] pdf = renderer.render(invoice(lines));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(textOf(document)).contains("Seat add-on 120").contains(descriptions);
        }
    }

    @Test
    void charactersOutsideTheFontAreReplacedNotFatal() throws IOException {
        InvoiceView invoice = invoice(List.of(line(1, "Setup \u2013 EU \u2192 JP \u65e5\u672c")));

        byte[] pdf = assertDoesNotThrow(() -> renderer.render(invoice));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(textOf(document)).contains("Setup - EU -> JP ??");
        }
    }

    @Test
    void longDescriptionsAreCutToFitTheColumn() throws IOException {
        String description = "Dedicated cluster with premium support ".repeat(5).strip();

        byte[] pdf = renderer.render(invoice(List.of(line(1, description))));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(textOf(document)).doesNotContain(description)
                    .containsPattern("Dedicated cluster with premium[^\\n]*\\.\\.\\.");
        }
    }

    @Test
    void pdfShowsTheTaxSummaryPerRateWithTheReverseChargeNoteInFull() throws IOException {
        String reverseCharge = "Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive)";
        InvoiceLineView charge = new InvoiceLineView(1, UUID.randomUUID(), "RECURRING", "Hosting Pro (monthly, in advance)",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), BigDecimal.ONE, new BigDecimal("49.00"),
                new BigDecimal("49.00"), BigDecimal.ZERO, new BigDecimal("0.00"), reverseCharge, HOSTING_RULES);
        InvoiceLineView discount = new InvoiceLineView(2, charge.subscriptionId(), "DISCOUNT",
                "Coupon WELCOME20: 20% off", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), BigDecimal.ONE,
                new BigDecimal("-9.80"), new BigDecimal("-9.80"), BigDecimal.ZERO, new BigDecimal("0.00"),
                reverseCharge, List.of("Percentage coupon on the plans it covers"), 1, "WELCOME20");
        InvoiceLineView backup = new InvoiceLineView(3, UUID.randomUUID(), "RECURRING", "Backup (monthly, in advance)",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), BigDecimal.ONE, new BigDecimal("10.00"),
                new BigDecimal("10.00"), new BigDecimal("19"), new BigDecimal("1.90"), "VAT 19%", HOSTING_RULES);

        byte[] pdf = renderer.render(invoice(List.of(charge, discount, backup)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = textOf(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Tax summary Taxed amount Tax",
                    "Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive) 39.20 EUR 0.00 EUR",
                    "VAT 19% 10.00 EUR 1.90 EUR", "Coupon WELCOME20: 20% off");
        }
    }

    @Test
    void aUsageLineShowsItsQuantityUnitEventsAndTierBreakdown() throws IOException {
        InvoiceLineView usage = new InvoiceLineView(2, UUID.randomUUID(), "USAGE", "API calls (graduated tiers)",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), new BigDecimal("21"), new BigDecimal("7.761905"),
                new BigDecimal("163.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), "No tax",
                List.of("Usage priced by the plan's charge table"), "api_calls", "call",
                List.of(new UsageTierLine("tier 1", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                                new BigDecimal("2"), new BigDecimal("102")),
                        new UsageTierLine("tier 2", new BigDecimal("11"), new BigDecimal("20"), BigDecimal.TEN,
                                new BigDecimal("5"), new BigDecimal("3"), new BigDecimal("53")),
                        new UsageTierLine("tier 3", new BigDecimal("21"), null, BigDecimal.ONE, new BigDecimal("5"),
                                new BigDecimal("3"), new BigDecimal("8"))), 7L);

        byte[] pdf = renderer.render(invoice(List.of(line(1, "Hosting Pro (monthly, in advance)"), usage)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(textOf(document)).contains("API calls (graduated tiers)",
                    "2026-03-01 to 2026-04-01: 21 call of api_calls, 7 usage events",
                    "tier 1: 10 x 10 + 2 = 102", "tier 2: 10 x 5 + 3 = 53", "tier 3: 1 x 5 + 3 = 8", "163.00");
        }
    }

    @Test
    void aDraftSaysDraftOnEveryPageAndShowsNoNumberOrDueDate() throws IOException {
        List<InvoiceLineView> lines = IntStream.rangeClosed(1, 120).mapToObj(no -> line(no, "Seat add-on " + no))
                .toList();
        InvoiceView finalized = invoice(lines);
        InvoiceView draft = new InvoiceView(finalized.invoiceId(), "demo", finalized.accountId(), null,
                finalized.invoiceDate(), null, "DRAFT", "EUR", finalized.subtotal(), finalized.tax(), finalized.total(),
                finalized.amountPaid(), "default", 1, PACK_HASH, finalized.seller(), finalized.buyer(), lines);

        try (PDDocument document = Loader.loadPDF(renderer.render(draft))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d", page).contains("DRAFT")
                        .contains("Draft invoice (not numbered yet) - page " + page);
            }
            assertThat(textOf(document)).contains("Due date: set when finalized").doesNotContain("null");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Draft invoice (not numbered yet)");
        }
        try (PDDocument document = Loader.loadPDF(renderer.render(finalized))) {
            assertThat(textOf(document)).doesNotContain("DRAFT").doesNotContain("Draft");
        }
    }

    private static String textOf(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    private static InvoiceView invoice(List<InvoiceLineView> lines) {
        Party seller = new Party("Demo Hosting GmbH", List.of("Hauptstrasse 1", "10115 Berlin", "Germany"),
                "DE123456789");
        Party buyer = new Party("ACME Corp", List.of("1 Road Runner Way", "Phoenix, AZ 85001", "USA"), null);
        BigDecimal subtotal = lines.stream().map(InvoiceLineView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InvoiceView(UUID.randomUUID(), "demo", UUID.randomUUID(), "INV-000042", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 15), "ISSUED", "EUR", subtotal, new BigDecimal("0.00"), subtotal, new BigDecimal("0.00"), "default", 1, PACK_HASH, seller, buyer,
                lines);
    }

    private static InvoiceLineView line(int lineNo, String description) {
        return new InvoiceLineView(lineNo, UUID.randomUUID(), "PLAN", description, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), new BigDecimal("1.000"), new BigDecimal("49.00"), new BigDecimal("49.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"), "No tax", HOSTING_RULES);
    }
}
