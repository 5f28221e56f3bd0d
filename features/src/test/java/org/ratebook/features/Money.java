package org.ratebook.features;

import java.math.BigDecimal;

/** An amount as a finance analyst writes it in a scenario: "EUR 49.00". */
public record Money(String currency, BigDecimal amount) {

    public static final String PATTERN = "[A-Z]{3} -?\\d+(?:\\.\\d+)?";

    public static Money parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.matches(PATTERN)) {
            throw new IllegalArgumentException("an amount is written like 'EUR 49.00', not '" + text + "'");
        }
        return new Money(trimmed.substring(0, 3), new BigDecimal(trimmed.substring(4)));
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
