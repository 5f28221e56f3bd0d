package org.ratebook.engine.invoicing;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.invoicing.domain.InvalidInvoiceException;
import org.ratebook.engine.invoicing.domain.ItemAdjustment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemAdjustmentTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final ItemAdjustment.Line TEAM = new ItemAdjustment.Line(1, "SaaS Team (monthly)", "RECURRING",
            new BigDecimal("100.00"), new BigDecimal("6.25"), new BigDecimal("6.25"), "Texas sales tax");

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void partOfALineGivesBackTaxAtTheLinesRateRoundedByThePack() {
        ItemAdjustment.Decided up = ItemAdjustment.decide(TEAM, usd("0"), usd("0"), usd("10"), USD, RoundingMode.HALF_UP);
        assertThat(up.net()).isEqualTo(usd("10.00"));
        assertThat(up.tax()).isEqualTo(usd("0.63"));
        assertThat(up.gross()).isEqualTo(usd("10.63"));
        ItemAdjustment.Decided even = ItemAdjustment.decide(TEAM, usd("0"), usd("0"), usd("10"), USD,
                RoundingMode.HALF_EVEN);
        assertThat(even.tax()).isEqualTo(usd("0.62"));
    }

    @Test
    void whatIsLeftInFullGivesBackExactlyTheTaxLeft() {
        ItemAdjustment.Decided rest = ItemAdjustment.decide(TEAM, usd("10.00"), usd("0.63"), null, USD,
                RoundingMode.HALF_UP);
        assertThat(rest.net()).isEqualTo(usd("90.00"));
        assertThat(rest.tax()).isEqualTo(usd("5.62"));
    }

    @Test
    void neverMoreThanTheLineStillHas() {
        assertThatThrownBy(() -> ItemAdjustment.decide(TEAM, usd("90.00"), usd("5.63"), usd("10.01"), USD,
                RoundingMode.HALF_UP)).isInstanceOf(InvalidInvoiceException.class)
                .hasMessage("line 1 (SaaS Team (monthly)) has only 10.00 USD left to adjust; 10.01 is more");
        assertThatThrownBy(() -> ItemAdjustment.decide(TEAM, usd("100.00"), usd("6.25"), null, USD,
                RoundingMode.HALF_UP)).hasMessageContaining("adjusted in full already");
    }

    @Test
    void onlyAChargeWithAPositiveAmountIsAdjusted() {
        ItemAdjustment.Line credit = new ItemAdjustment.Line(2, "Account credit used", "CREDIT", usd("-10.00"),
                usd("0.00"), usd("0"), "No tax on credit");
        assertThatThrownBy(() -> ItemAdjustment.decide(credit, usd("0"), usd("0"), null, USD, RoundingMode.HALF_UP))
                .isInstanceOf(InvalidInvoiceException.class).hasMessageContaining("is not a charge");
        assertThatThrownBy(() -> ItemAdjustment.decide(TEAM, usd("0"), usd("0"), usd("0.001"), USD,
                RoundingMode.HALF_UP)).hasMessageContaining("more decimals than USD allows");
        assertThatThrownBy(() -> ItemAdjustment.decide(TEAM, usd("0"), usd("0"), usd("-1"), USD,
                RoundingMode.HALF_UP)).hasMessageContaining("must be a positive amount");
    }
}
