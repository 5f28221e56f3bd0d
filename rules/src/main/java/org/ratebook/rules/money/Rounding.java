package org.ratebook.rules.money;

import org.ratebook.rules.time.Fraction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A pack's money policy, the one place that turns an exact value into an amount: the currency's scale (its
 * ISO 4217 minor unit: 2 for EUR, 0 for JPY) and the pack's rounding mode (setting {@code rounding}, half-up by
 * default, Kill Bill's default and what finance teams expect on an invoice). Intermediate results (prorations,
 * rates, tiers) keep full precision and are rounded exactly once, here, when they become an amount on a line.
 * Proration is {@link #prorate}, for a charge of part of a period and for giving back part of a charge alike.
 */
public record Rounding(RoundingMode mode) {

    /** Half-up to the currency's minor unit: the default of every pack. */
    public static final Rounding DEFAULT = new Rounding(RoundingMode.HALF_UP);

    /** The default policy's mode, for code that only needs the mode. */
    public static final RoundingMode MODE = DEFAULT.mode();

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rounding {
        Objects.requireNonNull(mode, "mode");
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding=UNNECESSARY cannot round an amount; choose HALF_UP, "
                    + "HALF_EVEN, UP, DOWN, CEILING or FLOOR");
        }
    }

    /** The policy of a pack's {@code rounding} setting (null: the default). */
    public static Rounding of(RoundingMode mode) {
        return mode == null || mode == DEFAULT.mode() ? DEFAULT : new Rounding(mode);
    }

    /** The currency's scale: digits after the decimal point of an amount in it. */
    public static int scale(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** {@code value} as an amount in {@code currency}: rounded once to its scale by this policy's mode. */
    public BigDecimal round(BigDecimal value, String currency) {
        return value.setScale(scale(currency), mode);
    }

    public BigDecimal round(BigDecimal value, Currency currency) {
        return value.setScale(currency.getDefaultFractionDigits(), mode);
    }

    /** Zero at the currency's scale. */
    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(scale(currency));
    }

    /**
     * The proration of every charge and every give-back: {@code amount × numerator / denominator}, computed
     * exactly and rounded once: 599.95 × 29 / 31, not 599.95 × 0.935483…. The engine gives back part of a
     * billed charge with the share {@code piece / whole} ({@link Fraction#per}).
     */
    public BigDecimal prorate(BigDecimal amount, Fraction part, String currency) {
        return prorate(amount, part.numerator(), part.denominator(), currency);
    }

    public BigDecimal prorate(BigDecimal amount, Fraction part, Currency currency) {
        return round(exactPart(amount, part.numerator(), part.denominator()), currency);
    }

    /** {@link #prorate(BigDecimal, Fraction, String)} with the part as its two whole numbers. */
    public BigDecimal prorate(BigDecimal amount, long numerator, long denominator, String currency) {
        return round(exactPart(amount, numerator, denominator), currency);
    }

    private static BigDecimal exactPart(BigDecimal amount, long numerator, long denominator) {
        return amount.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL128);
    }

    /** {@code ratePercent} % of {@code amount}, rounded once (a percentage discount, tax given back). */
    public BigDecimal percentOf(BigDecimal amount, BigDecimal ratePercent, String currency) {
        return round(amount.multiply(ratePercent, MathContext.DECIMAL128).divide(HUNDRED, MathContext.DECIMAL128),
                currency);
    }

    /** The default policy's rounding of {@code value} to the currency's scale (used by {@link Money}). */
    public static BigDecimal toCurrencyScale(BigDecimal value, Currency currency) {
        return DEFAULT.round(value, currency);
    }
}
