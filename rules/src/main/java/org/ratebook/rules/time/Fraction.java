package org.ratebook.rules.time;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact part of a billing period, kept as whole days over whole days so that an amount is rounded once,
 * after multiplying: 599.95 × 29 / 31, not 599.95 × 0.935483….
 */
public record Fraction(long numerator, long denominator) {

    public static final Fraction WHOLE = new Fraction(1, 1);

    public Fraction {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a part of a period must be between 0 and 1: " + numerator + "/" + denominator);
        }
    }

    public boolean isWhole() {
        return numerator == denominator;
    }

    /** {@code amount × numerator / denominator}, rounded once to the currency's scale with {@code mode}. */
    public BigDecimal of(BigDecimal amount, Currency currency, RoundingMode mode) {
        return amount.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL128)
                .setScale(currency.getDefaultFractionDigits(), mode);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
