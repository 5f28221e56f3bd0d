package org.ratebook.engine.dunning;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.api.StandingFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivableTest {

    private final AccountId account = AccountId.random();

    private Receivable invoice(LocalDate issued, LocalDate due, String balance) {
        return new Receivable(account, UUID.randomUUID(), issued, due, new BigDecimal(balance));
    }

    private final List<Receivable> open = List.of(
            invoice(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15), "29.0000"),
            invoice(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 15), "49.0000"));

    @Test
    void daysPastDueCountFromTheDueDateOfTheOldestUnpaidInvoice() {
        StandingFigures onDueDate = Receivable.figures("EUR", open, LocalDate.of(2026, 3, 15));
        assertThat(onDueDate.daysPastDue()).isZero();
        assertThat(onDueDate.overdueInvoices()).isZero();

        StandingFigures weekLater = Receivable.figures("EUR", open, LocalDate.of(2026, 3, 22));
        assertThat(weekLater.daysPastDue()).isEqualTo(7);
        assertThat(weekLater.oldestUnpaidDueDate()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(weekLater.overdueBalance()).isEqualByComparingTo("29.00");
    }

    @Test
    void anInvoiceIssuedAfterTheDayDoesNotCount() {
        StandingFigures march = Receivable.figures("EUR", open, LocalDate.of(2026, 3, 31));
        assertThat(march.unpaidInvoices()).isEqualTo(1);
        assertThat(march.unpaidBalance()).isEqualTo(new BigDecimal("29.00"));

        StandingFigures april = Receivable.figures("EUR", open, LocalDate.of(2026, 4, 20));
        assertThat(april.unpaidInvoices()).isEqualTo(2);
        assertThat(april.unpaidBalance()).isEqualTo(new BigDecimal("78.00"));
        assertThat(april.overdueInvoices()).isEqualTo(2);
        assertThat(april.daysPastDue()).isEqualTo(36);
    }

    @Test
    void nothingOpenIsNothingPastDue() {
        StandingFigures none = Receivable.figures("JPY", List.of(), LocalDate.of(2026, 4, 20));
        assertThat(none.daysPastDue()).isZero();
        assertThat(none.oldestUnpaidDueDate()).isNull();
        assertThat(none.unpaidBalance()).isEqualTo(new BigDecimal("0"));
    }
}
