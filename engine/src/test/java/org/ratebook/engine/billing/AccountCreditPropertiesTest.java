package org.ratebook.engine.billing;

import org.ratebook.engine.billing.assembly.InvoiceAssembler;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.ratebook.engine.invoicing.api.InvoiceLine;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account credit through any sequence of invoices (jqwik, decision 021): the billing run's credit line keeps what
 * a negative invoice leaves over and uses it on the next invoices, never more than they ask for. So the credit
 * balance never goes negative, no invoice asks for less than zero, and no money appears or disappears.
 */
class AccountCreditPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AtomicInteger TRIES = new AtomicInteger();

    @Property(tries = 1000)
    void creditIsNeverNegativeAndNoInvoiceAsksForLessThanZero(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = -50_000, max = 50_000) Integer> invoiceCents) {
        int tries = TRIES.incrementAndGet();
        BigDecimal credit = BigDecimal.ZERO.setScale(2);
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal asked = BigDecimal.ZERO;
        for (int cents : invoiceCents) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            InvoiceLine item = new InvoiceLine(1, null, "RECURRING", "item", null, null, BigDecimal.ONE, amount,
                    amount, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), "none", List.of(), null, null, null, null,
                    null, null, null, null, null, null, List.of(), null);
            Optional<InvoiceLine> creditLine = InvoiceAssembler.creditLine(2, List.of(item), credit, EUR);
            BigDecimal moved = creditLine.map(InvoiceLine::amount).orElse(BigDecimal.ZERO);
            BigDecimal total = amount.add(moved);
            credit = credit.add(moved); // a positive credit line keeps the rest of a negative invoice, a negative one uses credit
            assertThat(total.signum()).as("what the invoice asks for").isGreaterThanOrEqualTo(0);
            assertThat(credit.signum()).as("the account's credit").isGreaterThanOrEqualTo(0);
            billed = billed.add(amount);
            asked = asked.add(total);
        }
        // nothing lost: what was asked for plus the credit still held is everything billed (and taken back)
        assertThat(asked.subtract(credit)).isEqualByComparingTo(billed);
        if (tries == 1000) {
            System.out.println("Account credit properties: 1 property x 1000 tries, all held");
        }
    }
}
