package org.ratebook.engine.invoicing.domain;

import org.ratebook.engine.invoicing.api.CreditNoteTax;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.ItemType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * What an item adjustment of one invoice line gives back: the amount before tax and the tax at the line's rate,
 * rounded to the currency with the pack's rounding. Never more than the line still has after earlier adjustments;
 * adjusting all that is left gives back exactly the line's tax that is left, so a line adjusted in several steps
 * is given back to the cent. Pure: the preview and the invoice aggregate both call it.
 */
public final class ItemAdjustment {

    /** The amounts an adjustment gives back: {@code net} before tax, {@code tax}, and their sum. */
    public record Decided(int lineNo, String description, BigDecimal net, BigDecimal tax, String taxLabel,
                          BigDecimal taxRate) {
        public BigDecimal gross() {
            return net.add(tax);
        }

        /** The credit note's one tax: the line's. */
        public CreditNoteTax creditNoteTax() {
            return new CreditNoteTax(taxLabel, taxRate, net, tax);
        }
    }

    /** What an adjustment needs of the line adjusted. */
    public record Line(int lineNo, String description, String itemType, BigDecimal amount, BigDecimal taxAmount,
                       BigDecimal taxRate, String taxLabel) {
        public static Line of(InvoiceLine l) {
            return new Line(l.lineNo(), l.description(), l.itemType(), l.amount(), l.taxAmount(), l.taxRate(),
                    l.taxLabel());
        }
    }

    private ItemAdjustment() {
    }

    /**
     * @param line        the invoice line adjusted
     * @param netBefore   what earlier adjustments of this line took off before tax
     * @param taxBefore   the tax earlier adjustments of this line gave back
     * @param amount      the amount before tax to take off; null: all the line still has
     * @throws InvalidInvoiceException for a line that cannot be adjusted or an amount it does not have
     */
    public static Decided decide(Line line, BigDecimal netBefore, BigDecimal taxBefore, BigDecimal amount,
                                 Currency currency, RoundingMode rounding) {
        if (ItemType.CREDIT.name().equals(line.itemType()) || line.amount().signum() <= 0) {
            throw new InvalidInvoiceException("line " + line.lineNo() + " (" + line.description() + ") is not a "
                    + "charge: only a line with a positive amount can be adjusted");
        }
        int scale = currency.getDefaultFractionDigits();
        BigDecimal netLeft = line.amount().subtract(netBefore);
        BigDecimal taxLeft = line.taxAmount().subtract(taxBefore);
        if (netLeft.signum() <= 0) {
            throw new InvalidInvoiceException("line " + line.lineNo() + " (" + line.description()
                    + ") is adjusted in full already");
        }
        BigDecimal net = amount == null ? netLeft : amount;
        if (net.signum() <= 0) {
            throw new InvalidInvoiceException("an adjustment must be a positive amount, was " + net.toPlainString());
        }
        if (net.stripTrailingZeros().scale() > scale) {
            throw new InvalidInvoiceException("an adjustment of " + net.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows");
        }
        if (net.compareTo(netLeft) > 0) {
            throw new InvalidInvoiceException("line " + line.lineNo() + " (" + line.description() + ") has only "
                    + netLeft.setScale(scale).toPlainString() + " " + currency.getCurrencyCode() + " left to adjust; "
                    + net.setScale(scale).toPlainString() + " is more");
        }
        BigDecimal tax = net.compareTo(netLeft) == 0 ? taxLeft
                : net.multiply(line.taxRate()).divide(BigDecimal.valueOf(100), scale, rounding).min(taxLeft);
        return new Decided(line.lineNo(), line.description(), net.setScale(scale), tax.setScale(scale),
                line.taxLabel(), line.taxRate());
    }
}
