package org.ratebook.engine.invoicing.projection;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.invoicing.api.InvoiceLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hourly lines are told apart from seat counts by their unit, also those issued before lines carried it. */
class HourlyLineUnitTest {

    private static InvoiceLine recurring(String description, String unit) {
        return new InvoiceLine(1, null, "RECURRING", description, LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-04-01"), new BigDecimal("744"), new BigDecimal("0.0125"), new BigDecimal("9.30"),
                BigDecimal.ZERO, BigDecimal.ZERO, null, List.of(), "VPS", "evergreen", LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-04-01"), null, null, null, null, null, unit, List.of(), null);
    }

    @Test
    void anHourlyLineKeepsTheUnitItWasIssuedWith() {
        assertThat(InvoiceProjection.unit(recurring("Servers VPS (hourly, in arrear, 744 hours)", "hour")))
                .isEqualTo("hour");
    }

    @Test
    void anHourlyLineIssuedBeforeLinesCarriedTheirUnitIsStillRecognised() {
        assertThat(InvoiceProjection.unit(recurring("Servers VPS (hourly, in arrear, 744 hours)", null)))
                .isEqualTo("hour");
    }

    @Test
    void aSeatLineHasNoUnit() {
        assertThat(InvoiceProjection.unit(recurring("Office Seats (monthly, in advance)", null))).isNull();
    }
}
