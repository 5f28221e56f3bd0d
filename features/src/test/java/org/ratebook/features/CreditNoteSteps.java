package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.query.CreditNoteTaxes;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.payment.InvoicePayments;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ratebook.engine.invoicing.pdf.CreditNotePdfRenderer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Credit notes: documents of their own that take an amount off an issued invoice. */
public class CreditNoteSteps {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BillingWorld world;
    private final InvoicePayments payments;
    private final InvoiceQueries invoices;
    private final CreditNotePdfRenderer creditNotePdf;

    public CreditNoteSteps(BillingWorld world, InvoicePayments payments, InvoiceQueries invoices,
                           CreditNotePdfRenderer creditNotePdf) {
        this.world = world;
        this.payments = payments;
        this.invoices = invoices;
        this.creditNotePdf = creditNotePdf;
    }

    @When("the seller issues a credit note of {money} on invoice {word} because {string}")
    public void issue(Money amount, String number, String reason) {
        InvoiceView invoice = invoice(number);
        String reference = payments.creditNote(world.theSeller(), invoice.invoiceId(), null, amount.amount(),
                amount.currency(), reason);
        // the credit note, the invoice's new balance and, if it is settled, its paid status are all visible
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (invoices.creditNotes(world.theSeller(), invoice.invoiceId()).stream()
                .noneMatch(c -> c.reference().equals(reference))
                || !settledOrOpen(invoice(number))) {
            assertThat(System.nanoTime()).as("credit note visible in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @When("the seller tries to issue a credit note of {money} on invoice {word}")
    public void tryIssue(Money amount, String number) {
        world.setLastRefusal(null);
        try {
            payments.creditNote(world.theSeller(), invoice(number).invoiceId(), null, amount.amount(),
                    amount.currency(), "goodwill");
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    @When("the seller adjusts line {int} of invoice {word} by {money} because {string}")
    public void adjust(int lineNo, String number, Money amount, String reason) {
        adjustLine(lineNo, number, amount.amount(), reason);
    }

    @When("the seller adjusts line {int} of invoice {word} in full because {string}")
    public void adjustInFull(int lineNo, String number, String reason) {
        adjustLine(lineNo, number, null, reason);
    }

    @When("the seller tries to adjust line {int} of invoice {word} by {money}")
    public void tryAdjust(int lineNo, String number, Money amount) {
        world.setLastRefusal(null);
        try {
            payments.adjustItem(world.theSeller(), invoice(number).invoiceId(), lineNo, null, amount.amount(),
                    "goodwill");
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    @Then("adjusting line {int} of invoice {word} by {money} would give back {money} and tax {money}")
    public void preview(int lineNo, String number, Money amount, Money net, Money tax) {
        var decided = payments.previewAdjustment(world.theSeller(), invoice(number).invoiceId(), lineNo,
                amount.amount());
        assertThat(decided.net()).as("before tax").isEqualByComparingTo(net.amount());
        assertThat(decided.tax()).as("tax").isEqualByComparingTo(tax.amount());
    }

    @Then("credit note {word} adjusts line {int} of invoice {word}: {money} and tax {money}")
    public void adjusts(String noteNumber, int lineNo, String number, Money net, Money tax) {
        CreditNoteView note = invoices.creditNotes(world.theSeller(), invoice(number).invoiceId()).stream()
                .filter(c -> c.number().equals(noteNumber)).findFirst()
                .orElseThrow(() -> new AssertionError("no credit note " + noteNumber + " on " + number));
        assertThat(note.adjustedLine()).as("the line %s adjusts", noteNumber).isEqualTo(lineNo);
        assertThat(note.taxes()).as("the taxes of %s", noteNumber).hasSize(1);
        assertThat(note.taxes().getFirst().taxableAmount()).as("before tax").isEqualByComparingTo(net.amount());
        assertThat(note.taxes().getFirst().taxAmount()).as("tax").isEqualByComparingTo(tax.amount());
    }

    private void adjustLine(int lineNo, String number, java.math.BigDecimal amount, String reason) {
        InvoiceView invoice = invoice(number);
        String reference = payments.adjustItem(world.theSeller(), invoice.invoiceId(), lineNo, null, amount, reason);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (invoices.creditNotes(world.theSeller(), invoice.invoiceId()).stream()
                .noneMatch(c -> c.reference().equals(reference))
                || !settledOrOpen(invoice(number))) {
            assertThat(System.nanoTime()).as("adjustment visible in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Then("invoice {word} has these credit notes:")
    public void creditNotes(String number, DataTable table) {
        List<CreditNoteView> notes = invoices.creditNotes(world.theSeller(), invoice(number).invoiceId());
        List<String> actual = notes.stream().map(c -> c.number() + " | " + c.currency() + " "
                + c.amount().stripTrailingZeros().toPlainString() + " | " + c.reason()).toList();
        List<String> expected = table.asMaps().stream().map(r -> {
            Money m = Money.parse(r.get("amount"));
            return r.get("number") + " | " + m.currency() + " " + m.amount().stripTrailingZeros().toPlainString()
                    + " | " + r.get("reason");
        }).toList();
        assertThat(actual).as("credit notes of %s", number).containsExactlyElementsOf(expected);
    }

    @Then("the PDF of credit note {word} says {string}")
    public void creditNotePdfSays(String number, String words) throws IOException {
        for (InvoiceView invoice : invoices.latest(world.theSeller(), 500)) {
            for (CreditNoteView note : invoices.creditNotes(world.theSeller(), invoice.invoiceId())) {
                if (!note.number().equals(number)) {
                    continue;
                }
                try (PDDocument document = Loader.loadPDF(creditNotePdf.render(note, invoice,
                        CreditNoteTaxes.of(note, invoice, () -> {
                            throw new AssertionError("credit note " + number + " was issued without its tax split");
                        })))) {
                    String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                    assertThat(text).as("text of the PDF of credit note %s", number).contains(words);
                    return;
                }
            }
        }
        throw new AssertionError("no credit note " + number);
    }

    @Then("invoice {word} has no credit notes")
    public void noCreditNotes(String number) {
        assertThat(invoices.creditNotes(world.theSeller(), invoice(number).invoiceId())).isEmpty();
    }

    private static boolean settledOrOpen(InvoiceView invoice) {
        return invoice.balance().signum() != 0 || invoice.status().equals("PAID");
    }

    private InvoiceView invoice(String number) {
        return invoices.latest(world.theSeller(), 500).stream().filter(i -> number.equals(i.number())).findFirst()
                .orElseThrow(() -> new AssertionError("no invoice " + number));
    }
}
