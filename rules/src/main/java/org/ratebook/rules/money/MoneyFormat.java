package org.ratebook.rules.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * The one place that turns money and dates into text for people: the console, the invoice and credit-note PDFs.
 * Money goes through the JDK's {@link NumberFormat} for the reader's locale with the amount's currency, at the
 * currency's scale ("€1,234.50" in en-US, "1.234,50 €" in de-DE); never by concatenating a number and a code.
 */
public final class MoneyFormat {

    private final Locale locale;

    public MoneyFormat(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
    }

    public static MoneyFormat of(Locale locale) {
        return new MoneyFormat(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The amount with its currency, at the currency's number of decimals (HALF_UP only if it had more). */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Currency c = Currency.getInstance(currency.trim());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(c);
        int digits = Math.max(0, c.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP));
    }

    /**
     * The amount at the currency's scale followed by its ISO code, as documents print it so that every reader
     * knows the currency: "1,234.50 EUR" in English, "1.234,50 EUR" in German. Never more decimals than the
     * currency has (a credit note stored with four prints two).
     */
    public String code(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Currency c = Currency.getInstance(currency.trim());
        int digits = Math.max(0, c.getDefaultFractionDigits());
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP)) + " " + c.getCurrencyCode();
    }

    /** A number without currency, as many decimals as it has (a quantity, a unit price, a rate). */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        BigDecimal plain = value.stripTrailingZeros();
        format.setMinimumFractionDigits(Math.max(0, plain.scale()));
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        return format.format(plain);
    }

    /** A percentage from a rate given in percent (19 → "19%"). */
    public String percent(BigDecimal ratePercent) {
        return number(ratePercent) + "%";
    }

    /** A date in the reader's medium style ("Dec 7, 2026", "07.12.2026"). */
    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** A period "from – to" (to exclusive, as the invoice lines store it). */
    public String period(LocalDate from, LocalDate to) {
        if (from == null) {
            return "";
        }
        return to == null ? date(from) : date(from) + " – " + date(to);
    }
}
