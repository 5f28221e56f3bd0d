package org.ratebook.rules.time;

import org.ratebook.rules.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact part of a billing period, kept as whole days over whole days so that an amount is rounded once,
 * after multiplying: 599.95 × 29 / 31, not 599.95 × 0.935483…. The amount is computed by the pack's money
 * policy, {@link Rounding#prorate}.
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

    /**
     * The part {@code piece} is of {@code whole}, both parts of the same period: what share of a charge for
     * {@code whole} a {@code piece} of it is worth ({@code piece / whole}, exact).
     */
    public static Fraction per(Fraction piece, Fraction whole) {
        return new Fraction(piece.numerator() * whole.denominator(), piece.denominator() * whole.numerator());
    }

    /**
     * {@code amount × numerator / denominator}, rounded once to the currency's scale with {@code mode}.
     *
     * @deprecated the proration production uses is {@link Rounding#prorate}; this delegates to it
     */
    @Deprecated
    public BigDecimal of(BigDecimal amount, Currency currency, RoundingMode mode) {
        return Rounding.of(mode).prorate(amount, this, currency);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
