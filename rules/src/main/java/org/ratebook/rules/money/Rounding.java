package org.ratebook.rules.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one rounding policy for money: half-up to the currency's minor unit (Kill Bill's default and what
 * finance teams expect on an invoice). Intermediate results (prorations, rates) keep full precision and are
 * rounded exactly once, here, when they become an amount on a line.
 */
public final class Rounding {

    public static final RoundingMode MODE = RoundingMode.HALF_UP;

    private Rounding() {
    }

    public static BigDecimal toCurrencyScale(BigDecimal value, Currency currency) {
        return value.setScale(currency.getDefaultFractionDigits(), MODE);
    }
}
