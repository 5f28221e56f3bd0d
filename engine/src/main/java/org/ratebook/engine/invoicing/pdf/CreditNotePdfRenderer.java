package org.ratebook.engine.invoicing.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.invoicing.query.TaxSubtotal;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A credit note as a document of its own: its number in the credit-note series, the invoice it credits, the
 * parties as that invoice names them, the reason the customer reads, the amount with the tax it gives back per
 * rate (see {@code CreditNoteTaxes}), and how much of it was taken off the invoice or kept as account credit.
 * One page: a credit note has no lines of its own.
 */
@Component
public final class CreditNotePdfRenderer {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 50f;
    private static final float RIGHT = PAGE.getWidth() - 50f;
    private static final float TOP = PAGE.getHeight() - 50f;

    public byte[] render(CreditNoteView note, InvoiceView invoice, List<TaxSubtotal> taxes) {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(invoice, "invoice");
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer w = new Writer(content, regular, bold);
                w.text(bold, 18f, LEFT, "Credit note " + note.number());
                w.gap(6f);
                w.text(regular, 9f, LEFT, "Issued on: " + note.issuedOn() + "    Credits invoice " + invoice.number()
                        + " of " + invoice.invoiceDate());
                w.gap(14f);
                float top = w.y;
                w.party("From", invoice.seller(), LEFT);
                float afterSeller = w.y;
                w.y = top;
                w.party("To", invoice.buyer(), 300f);
                w.y = Math.min(afterSeller, w.y);
                w.gap(14f);
                w.text(bold, 10f, LEFT, "Reason");
                w.text(regular, 9f, LEFT, note.reason());
                if (note.adjustedLine() != null) {
                    w.text(regular, 9f, LEFT, "Adjusts line " + note.adjustedLine() + " of invoice " + invoice.number()
                            + lineDescription(invoice, note.adjustedLine()));
                }
                w.gap(14f);
                w.row(bold, "Tax", "Taxed amount", "Tax", "Amount");
                for (TaxSubtotal t : taxes) {
                    String rate = plain(t.rate()) + "%";
                    w.row(regular, t.label().contains(rate) ? t.label() : t.label() + " (" + rate + ")", money(t.taxableAmount(), note.currency()),
                            money(t.taxAmount(), note.currency()),
                            money(t.taxableAmount().add(t.taxAmount()), note.currency()));
                }
                w.gap(8f);
                w.total(bold, "Credit note total", money(note.amount(), note.currency()));
                w.total(regular, "Taken off invoice " + invoice.number(),
                        money(note.appliedToInvoice(), note.currency()));
                w.total(regular, "Kept as account credit", money(note.toAccountCredit(), note.currency()));
                w.footer(regular, "Credit note " + note.number() + " - credits invoice " + invoice.number());
            }
            document.getDocumentInformation().setTitle("Credit note " + note.number());
            document.getDocumentInformation().setAuthor(invoice.seller() == null ? null : invoice.seller().name());
            document.getDocumentInformation().setCreator("Ratebook");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render credit note " + note.number(), e);
        }
    }

    /**
     * An amount in its currency's minor units (10.00 USD), as the invoice shows it; stored amounts carry the
     * columns' four decimals. An amount finer than the currency (never decided so) is shown as it is, not rounded.
     */
    static String money(BigDecimal value, String currency) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal exact = value.stripTrailingZeros();
        return (exact.scale() <= digits ? exact.setScale(digits) : exact).toPlainString() + " " + currency;
    }

    private static String lineDescription(org.ratebook.engine.invoicing.query.InvoiceView invoice, int lineNo) {
        return invoice.lines() == null ? "" : invoice.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .map(l -> ": " + l.description()).orElse("");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Writes downwards from the top of the page. */
    private static final class Writer {
        private final PDPageContentStream content;
        private final PDFont regular;
        private final PDFont bold;
        private float y = TOP;

        Writer(PDPageContentStream content, PDFont regular, PDFont bold) {
            this.content = content;
            this.regular = regular;
            this.bold = bold;
        }

        void text(PDFont font, float size, float x, String text) throws IOException {
            y -= size * 1.4f;
            show(font, size, x, y, text);
        }

        void gap(float height) {
            y -= height;
        }

        void party(String label, Party party, float x) throws IOException {
            text(bold, 10f, x, label);
            if (party == null) {
                return;
            }
            text(regular, 9f, x, party.name());
            for (String line : party.addressLines() == null ? List.<String>of() : party.addressLines()) {
                text(regular, 9f, x, line);
            }
            if (party.taxId() != null) {
                text(regular, 9f, x, "Tax id: " + party.taxId());
            }
        }

        void row(PDFont font, String tax, String base, String taxAmount, String amount) throws IOException {
            y -= 9f * 1.6f;
            show(font, 9f, LEFT, y, tax);
            showRight(font, 9f, 380f, y, base);
            showRight(font, 9f, 460f, y, taxAmount);
            showRight(font, 9f, RIGHT, y, amount);
        }

        void total(PDFont font, String label, String amount) throws IOException {
            y -= 9f * 1.6f;
            show(font, 9f, 300f, y, label);
            showRight(font, 9f, RIGHT, y, amount);
        }

        void footer(PDFont font, String text) throws IOException {
            showRight(font, 8f, RIGHT, 30f, text);
        }

        private void show(PDFont font, float size, float x, float baseline, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(encodable(font, text));
            content.endText();
        }

        private void showRight(PDFont font, float size, float right, float baseline, String text) throws IOException {
            String safe = encodable(font, text);
            show(font, size, right - font.getStringWidth(safe) / 1000 * size, baseline, safe);
        }

        /** The standard fonts encode WinAnsi only; anything else is shown as '?' rather than failing. */
        private static String encodable(PDFont font, String text) throws IOException {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IllegalArgumentException e) {
                    out.append('?');
                }
                i += Character.charCount(cp);
            }
            return out.toString();
        }
    }
}
