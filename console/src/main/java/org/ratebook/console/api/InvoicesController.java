package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.api.ApiDtos.InvoiceResponse;
import org.ratebook.console.api.ApiDtos.InvoiceSummary;
import org.ratebook.console.api.ApiDtos.PaymentRequest;
import org.ratebook.console.api.ApiDtos.PaymentResponse;
import org.ratebook.console.api.ApiDtos.RefundRequest;
import org.ratebook.console.api.ApiDtos.VoidRequest;
import org.ratebook.engine.payment.InvoicePayments;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import java.math.BigDecimal;
import java.time.Duration;
import org.ratebook.console.api.ApiDtos.RulePackResponse;
import org.ratebook.console.api.ApiDtos.TraceResponse;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.invoicing.pdf.InvoicePdfRenderer;
import org.ratebook.engine.invoicing.InvoiceDrafts;
import org.ratebook.engine.invoicing.pdf.CreditNotePdfRenderer;
import org.ratebook.engine.invoicing.query.CreditNoteTaxes;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.rating.LineUsage;
import org.ratebook.tenants.TenantId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Issued invoices, their PDF and why each line is what it is")
public class InvoicesController {

    /** The read model follows the event store by milliseconds; answers wait for it, within reason. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InvoiceQueries invoices;
    private final InvoicePdfRenderer pdf;
    private final InvoicePayments payments;
    private final LineUsage lineUsage;
    private final InvoiceDrafts drafts;
    private final CreditNotePdfRenderer creditNotePdf;
    private final TenantPacks packs;

    public InvoicesController(InvoiceQueries invoices, InvoicePdfRenderer pdf, InvoicePayments payments,
                              LineUsage lineUsage, InvoiceDrafts drafts, CreditNotePdfRenderer creditNotePdf,
                              TenantPacks packs) {
        this.drafts = drafts;
        this.creditNotePdf = creditNotePdf;
        this.packs = packs;
        this.invoices = invoices;
        this.pdf = pdf;
        this.payments = payments;
        this.lineUsage = lineUsage;
    }

    /** The usage events behind a usage line, a page at a time. */
    public record LineUsageResponse(UUID invoiceId, int lineNo, String meter, LocalDate from, LocalDate to,
                                    long transactionsOnLine, long transactionsNow, int offset,
                                    List<TransactionResponse> transactions, String next) {
    }

    public record TransactionResponse(String transactionId, Instant occurredAt, String quantity) {
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{invoiceId}/lines/{lineNo}/usage")
    @Operation(summary = "The usage events (transaction ids) behind a usage line, in the order they occurred",
            description = "transactionsOnLine is how many the period had when the line was rated; more now means "
                    + "some arrived late and are billed by an adjustment on a later invoice. limit ≤ 1000.")
    public LineUsageResponse lineUsage(@PathVariable UUID invoiceId, @PathVariable int lineNo,
                                       @RequestParam(defaultValue = "100") int limit,
                                       @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new BadRequest("limit must be 1 to 1000 and offset 0 or more");
        }
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        LineUsage.Page page = lineUsage.transactions(tenant, invoiceId, lineNo, limit, offset);
        String next = offset + page.transactions().size() < page.transactionsNow()
                ? "/api/v1/invoices/" + invoiceId + "/lines/" + lineNo + "/usage?limit=" + limit + "&offset="
                + (offset + page.transactions().size()) : null;
        return new LineUsageResponse(invoiceId, lineNo, page.meter(), page.from(), page.to(), page.transactionsOnLine(),
                page.transactionsNow(), offset, page.transactions().stream().map(t -> new TransactionResponse(
                        t.transactionId(), t.occurredAt(), t.quantity().toPlainString())).toList(), next);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{invoiceId}")
    @Operation(summary = "An invoice with its lines; each line names the rule pack version and the rules that produced it")
    public InvoiceResponse get(@PathVariable UUID invoiceId) {
        return InvoiceResponse.of(find(CurrentCaller.tenant(), invoiceId));
    }

    @RequiresScope(Scope.READ)
    @GetMapping(value = "/{invoiceId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The invoice as PDF", description = "A draft is rendered without a number, its due date "
            + "left open, and DRAFT across every page.")
    public ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId) {
        InvoiceView invoice = find(CurrentCaller.tenant(), invoiceId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename((invoice.number() == null ? "draft-" + invoiceId
                                : invoice.number()) + ".pdf").build().toString())
                .body(pdf.render(invoice));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{invoiceId}/trace")
    @Operation(summary = "The decision trace: every rule fired, in order, with the facts it matched")
    public TraceResponse trace(@PathVariable UUID invoiceId) {
        TenantId tenant = CurrentCaller.tenant();
        InvoiceView invoice = find(tenant, invoiceId);
        return new TraceResponse(invoiceId,
                new RulePackResponse(invoice.packName(), invoice.packVersion(), invoice.packHash()),
                invoices.trace(tenant, invoiceId));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/payments")
    @Operation(summary = "Record money received, or collect it through the payment gateway",
            description = "method 'external' (default) records a transfer or cheque; 'gateway' collects the amount "
                    + "(default: the open balance). More than the balance becomes account credit. paymentId makes "
                    + "it idempotent. A declined collection is a 402 and records nothing.")
    public ResponseEntity<InvoiceResponse> pay(@PathVariable UUID invoiceId, @Valid @RequestBody PaymentRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        String paymentId = "gateway".equals(body.method())
                ? payments.collect(tenant, invoiceId, body.amount())
                : payments.recordReceived(tenant, invoiceId, body.paymentId(), required(body.amount()),
                body.currency() == null ? find(tenant, invoiceId).currency() : body.currency(), body.receivedOn(),
                body.reference());
        invoices.awaitPayment(tenant, invoiceId, paymentId, WAIT);
        return ResponseEntity.status(HttpStatus.CREATED).body(get(invoiceId));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{invoiceId}/payments")
    @Operation(summary = "Payments and refunds recorded on the invoice")
    public List<PaymentResponse> payments(@PathVariable UUID invoiceId) {
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        return invoices.payments(tenant, invoiceId).stream().map(PaymentResponse::of).toList();
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/refunds")
    @Operation(summary = "Pay money back against the invoice (at most what was paid on it)")
    public ResponseEntity<InvoiceResponse> refund(@PathVariable UUID invoiceId, @Valid @RequestBody RefundRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        String refundId = payments.refund(tenant, invoiceId, body.refundId(), required(body.amount()), body.reason());
        invoices.awaitPayment(tenant, invoiceId, refundId, WAIT);
        return ResponseEntity.status(HttpStatus.CREATED).body(get(invoiceId));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/credit-notes")
    @Operation(summary = "Issue a credit note: a numbered document of its own that takes an amount off the invoice",
            description = "The invoice is never edited. What it still asks for goes down; what was already paid "
                    + "beyond that becomes account credit. Refused (422) on a void invoice, for more than the "
                    + "invoice's total over all its credit notes, or without a reason.")
    public ResponseEntity<ApiDtos.CreditNoteResponse> creditNote(@PathVariable UUID invoiceId,
                                                                 @Valid @RequestBody ApiDtos.CreditNoteRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        String reference = payments.creditNote(tenant, invoiceId, body.reference(), body.amount(), body.currency(),
                body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(awaitCreditNote(tenant, invoiceId, reference, "credit note"));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/lines/{lineNo}/adjustments")
    @Operation(summary = "Adjust one line of a finalized invoice (an item adjustment): a credit note linked to the line",
            description = "amount is taken off the line before tax (omit it for all the line still has); the tax "
                    + "given back is at the line's rate, rounded as the invoice's rule pack rounds. Like any credit "
                    + "note it lowers what the invoice still asks for, and what was already paid becomes account "
                    + "credit. Refused (422) for a draft or void invoice, a line that is not a charge, more than the "
                    + "line still has after earlier adjustments, or without a reason.")
    public ResponseEntity<ApiDtos.CreditNoteResponse> adjustLine(@PathVariable UUID invoiceId, @PathVariable int lineNo,
                                                                 @Valid @RequestBody ApiDtos.ItemAdjustmentRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        String reference = payments.adjustItem(tenant, invoiceId, lineNo, body.reference(), body.amount(),
                body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(awaitCreditNote(tenant, invoiceId, reference, "adjustment"));
    }

    /** The credit note just issued under {@code reference}, once the read model has it (at most {@link #WAIT}). */
    private ApiDtos.CreditNoteResponse awaitCreditNote(TenantId tenant, UUID invoiceId, String reference, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ApiDtos.CreditNoteResponse note = invoices.creditNotes(tenant, invoiceId).stream()
                    .filter(c -> c.reference().equals(reference)).findFirst().map(ApiDtos.CreditNoteResponse::of)
                    .orElse(null);
            if (note != null) {
                return note;
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException(what + " " + reference + " was issued but is not readable yet");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " " + reference + " was issued; waiting for it was interrupted");
            }
        }
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{invoiceId}/lines/{lineNo}/adjustments/preview")
    @Operation(summary = "What adjusting the line would give back (before tax, tax, total), without issuing anything",
            description = "amount before tax; omit it for all the line still has. Refused (422) as the adjustment "
                    + "itself would be.")
    public ApiDtos.ItemAdjustmentPreview previewAdjustment(@PathVariable UUID invoiceId, @PathVariable int lineNo,
                                                           @org.springframework.web.bind.annotation.RequestParam(required = false)
                                                           java.math.BigDecimal amount) {
        TenantId tenant = CurrentCaller.tenant();
        InvoiceView invoice = find(tenant, invoiceId);
        var decided = payments.previewAdjustment(tenant, invoiceId, lineNo,
                org.ratebook.console.api.limits.InputLimits.decimal("amount", amount));
        return new ApiDtos.ItemAdjustmentPreview(invoiceId, decided.lineNo(), decided.description(),
                ApiDtos.money(decided.net()), ApiDtos.money(decided.tax()), ApiDtos.money(decided.gross()),
                invoice.currency());
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{invoiceId}/credit-notes")
    @Operation(summary = "Credit notes issued against the invoice")
    public List<ApiDtos.CreditNoteResponse> creditNotes(@PathVariable UUID invoiceId) {
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        return invoices.creditNotes(tenant, invoiceId).stream().map(ApiDtos.CreditNoteResponse::of).toList();
    }

    @RequiresScope(Scope.READ)
    @GetMapping(value = "/{invoiceId}/credit-notes/{number}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A credit note as PDF: its own number, the invoice it credits, the amount with the tax it "
            + "gives back per rate, and the reason",
            description = "The tax is shared among the invoice's rates in proportion to the invoice's gross per "
                    + "rate, rounded as the rule pack in effect on the invoice date rounds, decided when the credit "
                    + "note was issued. 404 if the invoice has no credit note with that number.")
    public ResponseEntity<byte[]> creditNotePdf(@PathVariable UUID invoiceId, @PathVariable String number) {
        TenantId tenant = CurrentCaller.tenant();
        InvoiceView invoice = find(tenant, invoiceId);
        CreditNoteView note = invoices.creditNotes(tenant, invoiceId).stream()
                .filter(c -> c.number().equals(number)).findFirst()
                .orElseThrow(() -> new NotFoundException("invoice " + invoice.number() + " has no credit note "
                        + number));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(note.number() + ".pdf").build().toString())
                .body(creditNotePdf.render(note, invoice, CreditNoteTaxes.of(note, invoice,
                        () -> packs.inEffect(tenant, invoice.invoiceDate()).rounding())));
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/void")
    @Operation(summary = "Void an unpaid invoice; the next billing run bills its periods again")
    public InvoiceResponse voidInvoice(@PathVariable UUID invoiceId, @Valid @RequestBody VoidRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        payments.voidInvoice(tenant, invoiceId, body.reason());
        invoices.awaitStatus(tenant, invoiceId, "VOID", WAIT);
        return get(invoiceId);
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/finalize")
    @Operation(summary = "Finalize a draft now: it takes the next invoice number, is issued today and falls due "
            + "after the seller's payment terms",
            description = "Drafts exist for sellers that review invoices for some hours (billing setting "
                    + "draftReviewHours); the billing run finalizes them itself when the window ends. Refused (422) "
                    + "for an invoice that is not a draft: finalized, paid, void or discarded.")
    public InvoiceResponse finalizeDraft(@PathVariable UUID invoiceId) {
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        drafts.finalizeDraft(tenant, invoiceId);
        invoices.awaitStatus(tenant, invoiceId, "FINALIZED", WAIT);
        return get(invoiceId);
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/{invoiceId}/discard")
    @Operation(summary = "Discard a draft: it never gets a number, the next billing run bills its periods again "
            + "and any account credit it used comes back",
            description = "The body (a reason) is optional. Refused (422) for an invoice that is not a draft; a "
                    + "finalized invoice is voided or credited instead.")
    public InvoiceResponse discardDraft(@PathVariable UUID invoiceId,
                                        @RequestBody(required = false) ApiDtos.DiscardRequest body) {
        TenantId tenant = CurrentCaller.tenant();
        find(tenant, invoiceId);
        drafts.discard(tenant, invoiceId, body == null ? null : body.reason());
        invoices.awaitStatus(tenant, invoiceId, "DISCARDED", WAIT);
        return get(invoiceId);
    }

    private static BigDecimal required(BigDecimal amount) {
        if (amount == null) {
            throw new BadRequest("amount is required");
        }
        return amount;
    }

    private InvoiceView find(TenantId tenant, UUID invoiceId) {
        return invoices.find(tenant, invoiceId)
                .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
    }
}
