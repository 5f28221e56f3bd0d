package org.ratebook.engine.invoicing.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.PaymentView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.invoicing.query.TaxSubtotal;
import org.ratebook.rules.money.MoneyFormat;
import org.ratebook.tenants.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders an issued invoice as an A4 PDF: parties, the line table, totals, the tax summary per rate, and which
 * rule pack and rules produced the amounts; what was paid and credited and what is still due, the payments and
 * credit notes applied, and how to pay (the tenant's bank details). The text is set in DejaVu Sans, embedded
 * (subset) from the {@code jasperreports-fonts} jar, which covers the Latin, Greek and Cyrillic scripts of every
 * European language; what it lacks is replaced before it is measured or drawn. Logo, accent colour, footer and
 * language come from {@link InvoiceBranding}.
 */
@Component
public final class InvoicePdfRenderer {

    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    private static final float MARGIN = 50f;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE_SIZE.getWidth() - MARGIN;
    private static final float TOP = PAGE_SIZE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN;
    private static final float FOOTER_BASELINE = MARGIN / 2;
    private static final float BUYER_LEFT = 330f;
    private static final float TOTALS_LABEL_RIGHT = 415f;
    private static final float CELL_PADDING = 8f;
    private static final float ROW_PADDING = 6f;
    private static final float SECTION_GAP = 20f;

    private static final float BLACK = 0f;
    private static final float GREY = 0.4f;
    private static final float RULE_GREY = 0.6f;
    private static final float SEPARATOR_GREY = 0.85f;

    private static final String ELLIPSIS = "...";
    private static final String UNKNOWN_CHARACTER = "?";
    private static final int HASH_PREFIX_LENGTH = 12;

    private static final Column DESCRIPTION = new Column("Description", LEFT, 300f, false);
    private static final Column QUANTITY = new Column("Qty", 300f, 340f, true);
    private static final Column UNIT_PRICE = new Column("Unit price", 340f, 415f, true);
    private static final Column TAX = new Column("Tax", 415f, 475f, true);
    private static final Column AMOUNT = new Column("Amount", 475f, RIGHT, true);
    private static final List<Column> COLUMNS = List.of(DESCRIPTION, QUANTITY, UNIT_PRICE, TAX, AMOUNT);
    private static final Column TAX_NAME = new Column("Tax summary", LEFT, 340f, false);
    private static final Column TAX_BASE = new Column("Taxed amount", 340f, 455f, true);
    private static final Column TAX_AMOUNT = new Column("Tax", 455f, RIGHT, true);

    private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";

    private final InvoiceBranding branding;
    private final InvoiceQueries invoices;

    /** Without branding and without reading payments (tests of the layout). */
    public InvoicePdfRenderer() {
        this.branding = InvoiceBranding.DEFAULT;
        this.invoices = null;
    }

    /** With a brand and (when not null) the payments and credit notes read for each invoice. */
    InvoicePdfRenderer(InvoiceBranding branding, InvoiceQueries invoices) {
        this.branding = branding;
        this.invoices = invoices;
    }

    @Autowired
    public InvoicePdfRenderer(ObjectProvider<InvoiceBranding> branding, InvoiceQueries invoices) {
        this.branding = branding.getIfAvailable(() -> InvoiceBranding.DEFAULT);
        this.invoices = invoices;
    }

    public byte[] render(InvoiceView invoice) {
        Objects.requireNonNull(invoice, "invoice");
        InvoiceBranding.Brand brand = brandOf(invoice);
        List<PaymentView> payments = invoices == null || invoice.isDraft() ? List.of()
                : invoices.payments(TenantId.of(invoice.tenantId()), invoice.invoiceId());
        List<CreditNoteView> notes = invoices == null || invoice.isDraft() ? List.of()
                : invoices.creditNotes(TenantId.of(invoice.tenantId()), invoice.invoiceId());
        try (PDDocument document = new PDDocument()) {
            // Fonts are loaded per document: an embedded font belongs to its document, and this bean is shared.
            Layout layout = new Layout(invoice, Styles.create(document, brand.accentRgb()),
                    MoneyFormat.of(brand.language()), brand, payments, notes);
            List<List<Block>> pages = paginate(layout.blocks(), layout.tableHeader());
            String watermark = invoice.isDraft() ? "DRAFT" : null;
            for (int index = 0; index < pages.size(); index++) {
                String footer = (brand.footer() == null ? "" : brand.footer() + "   ") + title(invoice) + " - page "
                        + (index + 1) + " of " + pages.size();
                drawPage(document, pages.get(index), layout.styles().small(), footer, watermark);
            }
            decorate(document, brand);
            describe(document.getDocumentInformation(), invoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render invoice " + invoice.invoiceId(), e);
        }
    }

    private InvoiceBranding.Brand brandOf(InvoiceView invoice) {
        InvoiceBranding.Brand brand = branding.brandOf(invoice.tenantId());
        return brand == null ? InvoiceBranding.Brand.DEFAULT : brand;
    }

    /** The accent band across the top of the first page, and the logo at its top right. */
    private static void decorate(PDDocument document, InvoiceBranding.Brand brand) throws IOException {
        PDPage first = document.getPage(0);
        try (PDPageContentStream content = new PDPageContentStream(document, first,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.setNonStrokingColor(rgb(brand.accentRgb()));
            content.addRect(0, PAGE_SIZE.getHeight() - 8, PAGE_SIZE.getWidth(), 8);
            content.fill();
            if (brand.logoPng() != null && brand.logoPng().length > 0) {
                PDImageXObject logo = PDImageXObject.createFromByteArray(document, brand.logoPng(), "logo");
                float height = 40f;
                float width = Math.min(160f, logo.getWidth() * height / Math.max(1, logo.getHeight()));
                content.drawImage(logo, RIGHT - width, TOP - height + 10, width, height);
            }
        }
    }

    private static java.awt.Color rgb(int rgb) {
        return new java.awt.Color(rgb);
    }

    /** A draft has no number yet: it says so, rather than show a number it may never get. */
    private static String title(InvoiceView invoice) {
        return invoice.isDraft() ? "Draft invoice (not numbered yet)" : "Invoice " + invoice.number();
    }

    private static void describe(PDDocumentInformation info, InvoiceView invoice) {
        info.setTitle(title(invoice));
        info.setAuthor(invoice.seller() == null ? null : invoice.seller().name());
        info.setCreator("Ratebook");
    }

    /**
     * Splits the blocks into pages. A table row that starts a page gets the table header repeated above it, and a
     * heading only goes where the block after it fits too, so it never ends a page on its own.
     */
    private static List<List<Block>> paginate(List<Block> blocks, Block tableHeader) {
        List<List<Block>> pages = new ArrayList<>();
        List<Block> page = new ArrayList<>();
        float room = TOP - BOTTOM;
        for (int index = 0; index < blocks.size(); index++) {
            Block block = blocks.get(index);
            if (!page.isEmpty() && spaceNeeded(blocks, index) > room) {
                pages.add(page);
                page = new ArrayList<>();
                room = TOP - BOTTOM;
                if (block.kind() == Kind.TABLE_ROW) {
                    page.add(tableHeader);
                    room -= tableHeader.height();
                }
            }
            if (page.isEmpty() && block.kind() == Kind.GAP) {
                continue;
            }
            // Added even when it does not fit an empty page, so an oversized block cannot stall pagination.
            page.add(block);
            room -= block.height();
        }
        pages.add(page);
        return pages;
    }

    private static float spaceNeeded(List<Block> blocks, int index) {
        Block block = blocks.get(index);
        boolean followed = index + 1 < blocks.size();
        return block.height() + (block.kind() == Kind.HEADING && followed ? blocks.get(index + 1).height() : 0f);
    }

    private static void drawPage(PDDocument document, List<Block> blocks, Style footerStyle, String footer,
                                 String watermark) throws IOException {
        PDPage page = new PDPage(PAGE_SIZE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            if (watermark != null) {
                watermark(content, watermark);
            }
            float top = TOP;
            for (Block block : blocks) {
                block.drawing().draw(content, top);
                top -= block.height();
            }
            showRight(content, footerStyle, RIGHT, FOOTER_BASELINE, footer);
        }
    }

    /** Large light-grey letters across the page, under the content, on every page of a document not final. */
    private static void watermark(PDPageContentStream content, String text) throws IOException {
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float size = 120f;
        float width = font.getStringWidth(text) / 1000 * size;
        float centreX = PAGE_SIZE.getWidth() / 2;
        float centreY = PAGE_SIZE.getHeight() / 2;
        double angle = Math.toRadians(45);
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(0.85f);
        // rotate about the page centre, then start half the word back along the diagonal so it is centred
        content.setTextMatrix(Matrix.getRotateInstance(angle,
                centreX - (float) (Math.cos(angle) * width / 2) + (float) (Math.sin(angle) * size / 3),
                centreY - (float) (Math.sin(angle) * width / 2) - (float) (Math.cos(angle) * size / 3)));
        content.showText(text);
        content.endText();
    }

    private static void show(PDPageContentStream content, Style style, float x, float baseline, String text)
            throws IOException {
        content.beginText();
        content.setFont(style.font(), style.size());
        content.setNonStrokingColor(style.gray());
        content.newLineAtOffset(x, baseline);
        content.showText(sanitize(style.font(), text));
        content.endText();
    }

    private static void showRight(PDPageContentStream content, Style style, float right, float baseline,
                                  String text) throws IOException {
        String safe = sanitize(style.font(), text);
        show(content, style, right - style.width(safe), baseline, safe);
    }

    private static void rule(PDPageContentStream content, float gray, float y, float from, float to)
            throws IOException {
        content.setStrokingColor(gray);
        content.setLineWidth(0.5f);
        content.moveTo(from, y);
        content.lineTo(to, y);
        content.stroke();
    }

    /** The text, shortened with an ellipsis if needed so that it is at most {@code maxWidth} wide. */
    private static String truncate(Style style, String text, float maxWidth) throws IOException {
        String safe = sanitize(style.font(), text);
        if (style.width(safe) <= maxWidth) {
            return safe;
        }
        int end = safe.length();
        while (end > 0 && style.width(safe.substring(0, end) + ELLIPSIS) > maxWidth) {
            end--;
        }
        return safe.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** Breaks the text at spaces into lines at most {@code maxWidth} wide; a single overlong word is truncated. */
    private static List<String> wrap(Style style, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : sanitize(style.font(), text).split(" ")) {
            String extended = line.isEmpty() ? word : line + " " + word;
            if (line.isEmpty() || style.width(extended) <= maxWidth) {
                line = extended;
            } else {
                lines.add(truncate(style, line, maxWidth));
                line = word;
            }
        }
        lines.add(truncate(style, line, maxWidth));
        return lines;
    }

    /**
     * Replaces what the font cannot encode: the standard 14 fonts only know WinAnsi, and PDFBox throws on
     * anything else. Dashes and arrows get readable ASCII stand-ins, the rest a question mark.
     */
    private static String sanitize(PDFont font, String text) throws IOException {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            safe.append(encodable(font, codePoint));
        }
        return safe.toString();
    }

    private static String encodable(PDFont font, int codePoint) throws IOException {
        switch (codePoint) {
            case '\u2013', '\u2014' -> {
                return "-";
            }
            case '\u2192' -> {
                return "->";
            }
            default -> {
                if (Character.isWhitespace(codePoint)) {
                    return " ";
                }
            }
        }
        String character = Character.toString(codePoint);
        try {
            font.encode(character);
            return character;
        } catch (IllegalArgumentException notInFont) {
            return UNKNOWN_CHARACTER;
        }
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quantity(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Builds the blocks of one invoice, top to bottom; the page they end up on is decided by pagination. */
    private record Layout(InvoiceView invoice, Styles styles, MoneyFormat format, InvoiceBranding.Brand brand,
                          List<PaymentView> payments, List<CreditNoteView> notes) {

        /** Money on the document: the currency's decimals and its ISO code, in the document's language. */
        private String money(BigDecimal value, String currency) {
            return format.code(value, currency);
        }

        List<Block> blocks() throws IOException {
            List<Block> blocks = new ArrayList<>();
            blocks.add(textBlock(styles.title(), LEFT, title(invoice), RIGHT - LEFT));
            blocks.add(textBlock(styles.body(), LEFT, "Invoice date: " + invoice.invoiceDate() + "    Due date: "
                    + (invoice.dueDate() == null ? "set when finalized" : invoice.dueDate()), RIGHT - LEFT));
            blocks.add(gap(SECTION_GAP));
            blocks.add(parties());
            blocks.add(gap(SECTION_GAP));
            blocks.add(tableHeader());
            for (InvoiceLineView line : invoice.lines()) {
                blocks.add(row(line));
            }
            blocks.add(gap(ROW_PADDING));
            blocks.add(totals());
            blocks.add(gap(SECTION_GAP));
            blocks.addAll(taxSummary());
            if (!invoice.isDraft() && !"VOID".equals(invoice.status())) {
                blocks.add(gap(SECTION_GAP));
                blocks.addAll(settlement());
            }
            blocks.add(gap(SECTION_GAP));
            blocks.addAll(explanation());
            return blocks;
        }

        Block tableHeader() {
            Style style = styles.bodyBold();
            float height = style.leading() + ROW_PADDING;
            return new Block(height, Kind.HEADING, (content, top) -> {
                for (Column column : COLUMNS) {
                    column.show(content, style, top - style.size(), column.header());
                }
                rule(content, RULE_GREY, top - height + ROW_PADDING / 2, LEFT, RIGHT);
            });
        }

        private Block parties() {
            List<Line> seller = partyLines(null, invoice.seller());
            List<Line> buyer = partyLines("Bill to", invoice.buyer());
            float height = Math.max(heightOf(seller), heightOf(buyer));
            return new Block(height, Kind.TEXT, (content, top) -> {
                showLines(content, seller, LEFT, top, BUYER_LEFT - LEFT - 2 * CELL_PADDING);
                showLines(content, buyer, BUYER_LEFT, top, RIGHT - BUYER_LEFT);
            });
        }

        private List<Line> partyLines(String label, Party party) {
            List<Line> lines = new ArrayList<>();
            if (label != null) {
                lines.add(new Line(styles.small(), label));
            }
            if (party == null) {
                return lines;
            }
            lines.add(new Line(styles.bodyBold(), party.name()));
            party.addressLines().forEach(addressLine -> lines.add(new Line(styles.body(), addressLine)));
            if (party.taxId() != null) {
                lines.add(new Line(styles.body(), "VAT ID: " + party.taxId()));
            }
            return lines;
        }

        private Block row(InvoiceLineView line) {
            Style body = styles.body();
            Style small = styles.small();
            String period = line.periodFrom() == null || line.periodTo() == null
                    ? null
                    : line.periodFrom() + " to " + line.periodTo();
            List<String> details = new ArrayList<>();
            if (period != null) {
                details.add(line.usage() ? period + ": " + quantity(line.quantity()) + " " + line.unit() + " of "
                        + line.meter() + ", " + line.transactions() + " usage events" : period);
            }
            for (UsageTierLine tier : line.tiers()) {
                details.add("  " + tier.label() + ": " + plain(tier.units())
                        + (tier.unitPrice() == null ? "" : " x " + plain(tier.unitPrice()))
                        + (tier.flatFee() == null ? "" : " + " + plain(tier.flatFee())) + " = " + plain(tier.amount()));
            }
            float height = ROW_PADDING + body.leading() + details.size() * small.leading();
            return new Block(height, Kind.TABLE_ROW, (content, top) -> {
                float baseline = top - ROW_PADDING / 2 - body.size();
                DESCRIPTION.show(content, body, baseline, line.description());
                QUANTITY.show(content, body, baseline, quantity(line.quantity()));
                UNIT_PRICE.show(content, body, baseline, amount(line.unitPrice()));
                TAX.show(content, body, baseline, amount(line.taxAmount()));
                AMOUNT.show(content, body, baseline, amount(line.amount()));
                float detailLine = baseline;
                for (String detail : details) {
                    detailLine -= small.leading();
                    DESCRIPTION.show(content, small, detailLine, detail);
                }
                rule(content, SEPARATOR_GREY, top - height, LEFT, RIGHT);
            });
        }

        private Block totals() {
            String currency = invoice.currency();
            List<Line> labels = List.of(new Line(styles.body(), "Subtotal"), new Line(styles.body(), "Tax"),
                    new Line(styles.bodyBold(), "Total"));
            List<String> values = List.of(money(invoice.subtotal(), currency), money(invoice.tax(), currency),
                    money(invoice.total(), currency));
            return new Block(heightOf(labels) + ROW_PADDING, Kind.TEXT, (content, top) -> {
                float lineTop = top;
                for (int index = 0; index < labels.size(); index++) {
                    Line label = labels.get(index);
                    if (index == labels.size() - 1) {
                        // Thin rule between tax and the grand total, spanning the totals area only.
                        rule(content, RULE_GREY, lineTop + 1, QUANTITY.right(), RIGHT);
                        lineTop -= ROW_PADDING;
                    }
                    float baseline = lineTop - label.style().size();
                    showRight(content, label.style(), TOTALS_LABEL_RIGHT, baseline, label.text());
                    showRight(content, label.style(), RIGHT, baseline, values.get(index));
                    lineTop -= label.style().leading();
                }
            });
        }

        /**
         * Tax per rate: each tax's words (a reverse charge or an exemption says so in full, as the law wants it
         * on the invoice), the amount it was charged on and the tax.
         */
        private List<Block> taxSummary() throws IOException {
            List<Block> blocks = new ArrayList<>();
            Style bold = styles.bodyBold();
            float headerHeight = bold.leading() + ROW_PADDING;
            blocks.add(new Block(headerHeight, Kind.HEADING, (content, top) -> {
                float baseline = top - bold.size();
                TAX_NAME.show(content, bold, baseline, "Tax summary");
                TAX_BASE.show(content, bold, baseline, "Taxed amount");
                TAX_AMOUNT.show(content, bold, baseline, "Tax");
                rule(content, RULE_GREY, top - headerHeight + ROW_PADDING / 2, LEFT, RIGHT);
            }));
            Style body = styles.body();
            for (TaxSubtotal subtotal : invoice.taxes()) {
                List<String> words = wrap(body, subtotal.label(), TAX_NAME.right() - TAX_NAME.left() - CELL_PADDING);
                float height = ROW_PADDING + words.size() * body.leading();
                blocks.add(new Block(height, Kind.TABLE_ROW, (content, top) -> {
                    float baseline = top - ROW_PADDING / 2 - body.size();
                    for (int index = 0; index < words.size(); index++) {
                        TAX_NAME.show(content, body, baseline - index * body.leading(), words.get(index));
                    }
                    TAX_BASE.show(content, body, baseline, money(subtotal.taxableAmount(), invoice.currency()));
                    TAX_AMOUNT.show(content, body, baseline, money(subtotal.taxAmount(), invoice.currency()));
                }));
            }
            return blocks;
        }

        /**
         * What was paid and credited and what is still due, each payment and credit note applied, and how to pay
         * what is due (the tenant's bank details, the invoice number as reference).
         */
        private List<Block> settlement() throws IOException {
            List<Block> blocks = new ArrayList<>();
            String c = invoice.currency();
            blocks.add(new Block(styles.heading().leading(), Kind.HEADING, (content, top) ->
                    show(content, styles.heading(), LEFT, top - styles.heading().size(), "Payments and amount due")));
            for (PaymentView p : payments) {
                boolean refund = "REFUND".equalsIgnoreCase(p.kind());
                blocks.add(wrappedBlock(styles.body(), (refund ? "Refund" : "Payment") + " received "
                        + (p.onDate() == null ? "" : format.date(p.onDate())) + (p.reference() == null
                        || p.reference().isBlank() ? "" : " (" + p.reference() + ")") + ": "
                        + money(p.amount(), p.currency())
                        + (p.overpaid().signum() > 0 ? ", of which " + money(p.overpaid(), p.currency())
                        + " kept as account credit" : "")));
            }
            for (CreditNoteView n : notes) {
                blocks.add(wrappedBlock(styles.body(), "Credit note " + n.number() + " of "
                        + format.date(n.issuedOn()) + " (" + n.reason() + "): " + money(n.amount(), n.currency())));
            }
            blocks.add(wrappedBlock(styles.body(), "Total " + money(invoice.total(), c) + " - paid "
                    + money(invoice.amountPaid(), c) + " - credited " + money(invoice.amountCredited(), c)));
            blocks.add(wrappedBlock(styles.bodyBold(), "Amount due: " + money(invoice.balance(), c)
                    + (invoice.balance().signum() <= 0 ? " (paid in full, thank you)"
                    : invoice.dueDate() == null ? "" : " by " + format.date(invoice.dueDate()))));
            InvoiceBranding.BankDetails bank = brand.bank();
            if (bank != null && invoice.balance().signum() > 0) {
                blocks.add(wrappedBlock(styles.body(), "Please transfer " + money(invoice.balance(), c) + " to "
                        + bank.accountHolder() + ", IBAN " + bank.iban() + (bank.bic() == null ? "" : ", BIC "
                        + bank.bic()) + (bank.bankName() == null ? "" : " (" + bank.bankName() + ")")
                        + ", quoting " + title(invoice).replace("Invoice ", "") + "."));
            }
            return blocks;
        }

        private List<Block> explanation() throws IOException {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block(styles.heading().leading(), Kind.HEADING, (content, top) ->
                    show(content, styles.heading(), LEFT, top - styles.heading().size(), "Why these amounts")));
            String hash = invoice.packHash() == null ? ""
                    : invoice.packHash().substring(0, Math.min(HASH_PREFIX_LENGTH, invoice.packHash().length()));
            blocks.add(wrappedBlock(styles.note(), "Priced by rule pack " + invoice.packName() + " v"
                    + invoice.packVersion() + " (" + hash + ")"));
            for (InvoiceLineView line : invoice.lines()) {
                String rules = line.rules().isEmpty() ? "-" : String.join(", ", line.rules());
                blocks.add(wrappedBlock(styles.note(), "Line " + line.lineNo() + ": " + rules));
            }
            return blocks;
        }

        private Block wrappedBlock(Style style, String text) throws IOException {
            List<Line> lines = wrap(style, text, RIGHT - LEFT).stream().map(part -> new Line(style, part)).toList();
            return new Block(heightOf(lines), Kind.TEXT,
                    (content, top) -> showLines(content, lines, LEFT, top, RIGHT - LEFT));
        }

        private static Block textBlock(Style style, float x, String text, float maxWidth) {
            return new Block(style.leading(), Kind.TEXT,
                    (content, top) -> show(content, style, x, top - style.size(), truncate(style, text, maxWidth)));
        }

        private static Block gap(float height) {
            return new Block(height, Kind.GAP, (content, top) -> {
            });
        }

        private static void showLines(PDPageContentStream content, List<Line> lines, float x, float top,
                                      float maxWidth) throws IOException {
            float lineTop = top;
            for (Line line : lines) {
                Style style = line.style();
                show(content, style, x, lineTop - style.size(), truncate(style, line.text(), maxWidth));
                lineTop -= style.leading();
            }
        }

        private static float heightOf(List<Line> lines) {
            return (float) lines.stream().mapToDouble(line -> line.style().leading()).sum();
        }
    }

    private record Column(String header, float left, float right, boolean numeric) {

        void show(PDPageContentStream content, Style style, float baseline, String text) throws IOException {
            String fitted = truncate(style, text, right - left - CELL_PADDING);
            if (numeric) {
                showRight(content, style, right, baseline, fitted);
            } else {
                InvoicePdfRenderer.show(content, style, left, baseline, fitted);
            }
        }
    }

    private record Style(PDFont font, float size, float gray) {

        float leading() {
            return size * 1.4f;
        }

        float width(String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }

    private record Styles(Style title, Style heading, Style body, Style bodyBold, Style small, Style note) {

        static Styles create(PDDocument document, int accentRgb) throws IOException {
            PDFont regular = font(document, "DejaVuSansCondensed.ttf");
            PDFont bold = font(document, "DejaVuSansCondensed-Bold.ttf");
            return new Styles(new Style(bold, 18f, BLACK), new Style(bold, 10f, BLACK), new Style(regular, 9f, BLACK),
                    new Style(bold, 9f, BLACK), new Style(regular, 8f, GREY), new Style(regular, 8f, BLACK));
        }

        /** DejaVu Sans from the classpath, embedded as a subset (only the glyphs used). */
        private static PDFont font(PDDocument document, String file) throws IOException {
            try (var in = InvoicePdfRenderer.class.getClassLoader().getResourceAsStream(FONT_DIR + file)) {
                if (in == null) {
                    throw new IOException("font " + FONT_DIR + file + " is not on the classpath (jasperreports-fonts)");
                }
                return PDType0Font.load(document, in, true);
            }
        }
    }

    private record Line(Style style, String text) {
    }

    private enum Kind { TEXT, HEADING, TABLE_ROW, GAP }

    @FunctionalInterface
    private interface Drawing {
        void draw(PDPageContentStream content, float top) throws IOException;
    }

    /** A horizontal band of the page, drawn downwards from its top edge, that pagination never splits. */
    private record Block(float height, Kind kind, Drawing drawing) {
    }
}
