package org.ratebook.engine.invoicing;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.invoicing.domain.InvoiceNumberFormat;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceNumberFormatTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 5);

    @Test
    void prefixYearAndPaddedSequence() {
        InvoiceNumberFormat format = new InvoiceNumberFormat("{prefix}-{yyyy}-{seq:6}");
        assertThat(format.format("ACME", DATE, 42)).isEqualTo("ACME-2026-000042");
        assertThat(format.sequenceKey(DATE)).as("a new year starts a new sequence").isEqualTo("2026");
    }

    @Test
    void monthlySequencesAndUnpaddedNumbers() {
        InvoiceNumberFormat format = new InvoiceNumberFormat("R{yy}{mm}/{seq}");
        assertThat(format.format("x", DATE, 7)).isEqualTo("R2603/7");
        assertThat(format.sequenceKey(DATE)).isEqualTo("2026-03");
    }

    @Test
    void withoutADateInTheNumberThereIsOneSequence() {
        InvoiceNumberFormat format = new InvoiceNumberFormat("{prefix}-{seq:6}");
        assertThat(format.format("INV", DATE, 1)).isEqualTo("INV-000001");
        assertThat(format.sequenceKey(DATE)).isEmpty();
    }

    @Test
    void literalTextWithRegexCharactersIsKeptAsIs() {
        assertThat(new InvoiceNumberFormat("$A\\{seq:3}").format("p", DATE, 5)).isEqualTo("$A\\005");
    }

    @Test
    void aFormatNeedsExactlyOneSequenceAndKnownTokens() {
        assertThatThrownBy(() -> new InvoiceNumberFormat("{prefix}-{yyyy}")).hasMessageContaining("exactly one {seq}");
        assertThatThrownBy(() -> new InvoiceNumberFormat("{seq}-{seq}")).hasMessageContaining("exactly one {seq}");
        assertThatThrownBy(() -> new InvoiceNumberFormat("{client}-{seq}")).hasMessageContaining("unknown token {client}");
        assertThatThrownBy(() -> new InvoiceNumberFormat("{customer}-{customer}-{seq}"))
                .hasMessageContaining("at most one {customer}");
    }

    @Test
    void aNumberPerCustomerShowsTheCustomersNumber() {
        InvoiceNumberFormat format = new InvoiceNumberFormat("{prefix}-{customer:3}-{seq:4}");
        assertThat(format.showsCustomer()).isTrue();
        assertThat(format.format("EXH", DATE, 2, 17)).isEqualTo("EXH-017-0002");
        assertThat(new InvoiceNumberFormat("{prefix}-{seq:4}").showsCustomer()).isFalse();
    }
}
