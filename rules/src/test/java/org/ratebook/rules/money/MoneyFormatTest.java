package org.ratebook.rules.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTest {

    @Test
    void moneyIsWrittenAsTheReadersLocaleWritesItAtTheCurrencysScale() {
        assertThat(MoneyFormat.of(Locale.US).money(new BigDecimal("1234.5"), "EUR")).isEqualTo("€1,234.50");
        assertThat(MoneyFormat.of(Locale.GERMANY).money(new BigDecimal("1234.5000"), "EUR"))
                .isEqualTo("1.234,50\u00a0€");
        assertThat(MoneyFormat.of(Locale.US).money(new BigDecimal("-19.3200"), "USD")).isEqualTo("-$19.32");
        assertThat(MoneyFormat.of(Locale.JAPAN).money(new BigDecimal("1500"), "JPY")).isEqualTo("￥1,500");
    }

    @Test
    void aCreditNoteAmountStoredWithFourDecimalsPrintsWithTwo() {
        assertThat(MoneyFormat.of(Locale.UK).money(new BigDecimal("5.0000"), "GBP")).isEqualTo("£5.00");
    }

    @Test
    void documentsPrintTheIsoCodeAfterTheAmount() {
        assertThat(MoneyFormat.of(Locale.ENGLISH).code(new BigDecimal("10.0000"), "EUR")).isEqualTo("10.00 EUR");
        assertThat(MoneyFormat.of(Locale.GERMAN).code(new BigDecimal("1234.5"), "EUR")).isEqualTo("1.234,50 EUR");
    }

    @Test
    void datesAndNumbersFollowTheLocale() {
        assertThat(MoneyFormat.of(Locale.GERMANY).date(LocalDate.of(2026, 12, 7))).isEqualTo("07.12.2026");
        assertThat(MoneyFormat.of(Locale.US).date(LocalDate.of(2026, 12, 7))).isEqualTo("Dec 7, 2026");
        assertThat(MoneyFormat.of(Locale.GERMANY).number(new BigDecimal("1.500000"))).isEqualTo("1,5");
        assertThat(MoneyFormat.of(Locale.US).percent(new BigDecimal("19.0000"))).isEqualTo("19%");
    }
}
