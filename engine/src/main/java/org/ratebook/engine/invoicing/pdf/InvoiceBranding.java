package org.ratebook.engine.invoicing.pdf;

import java.util.Locale;

/**
 * How a tenant's documents look and how its customers pay: logo, accent colour, footer, language, bank details.
 * The tenant's name, address and VAT id come from the invoice's seller, as recorded at issue. A tenant with no
 * branding gets {@link Brand#DEFAULT}. The console's settings (branch "identity") provide the bean; without one
 * the renderers use {@link #DEFAULT}.
 */
@FunctionalInterface
public interface InvoiceBranding {

    /** No branding: the seller's name and address only, English, a dark blue accent, no bank details. */
    InvoiceBranding DEFAULT = tenantId -> Brand.DEFAULT;

    Brand brandOf(String tenantId);

    /**
     * @param logoPng   PNG bytes drawn at the top right of the first page, or null
     * @param accentRgb the colour of the band at the top and of the title, as 0xRRGGBB
     * @param footer    a line printed at the foot of every page (registration, managing directors), or null
     * @param language  formats money and dates on the document
     * @param bank      where the customer pays; null: no payment instructions
     */
    record Brand(byte[] logoPng, int accentRgb, String footer, Locale language, BankDetails bank) {
        public static final Brand DEFAULT = new Brand(null, 0x1F4E79, null, Locale.ENGLISH, null);

        public Brand {
            language = language == null ? Locale.ENGLISH : language;
        }
    }

    record BankDetails(String accountHolder, String bankName, String iban, String bic) {
    }
}
