package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.api.ApiDtos.InvoiceResponse;
import org.ratebook.console.api.ApiDtos.InvoiceSummary;
import org.ratebook.console.api.ApiDtos.RulePackResponse;
import org.ratebook.console.api.ApiDtos.TraceResponse;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.invoicing.pdf.InvoicePdfRenderer;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
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

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Issued invoices, their PDF and why each line is what it is")
public class InvoicesController {

    private final InvoiceQueries invoices;
    private final InvoicePdfRenderer pdf;

    public InvoicesController(InvoiceQueries invoices, InvoicePdfRenderer pdf) {
        this.invoices = invoices;
        this.pdf = pdf;
    }

    @GetMapping
    @Operation(summary = "The tenant's latest invoices, newest first")
    public List<InvoiceSummary> list(@RequestParam(defaultValue = "50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        return invoices.latest(CurrentCaller.tenant(), bounded).stream().map(InvoiceSummary::of).toList();
    }

    @GetMapping("/{invoiceId}")
    @Operation(summary = "An invoice with its lines; each line names the rule pack version and the rules that produced it")
    public InvoiceResponse get(@PathVariable UUID invoiceId) {
        return InvoiceResponse.of(find(CurrentCaller.tenant(), invoiceId));
    }

    @GetMapping(value = "/{invoiceId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The invoice as PDF")
    public ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId) {
        InvoiceView invoice = find(CurrentCaller.tenant(), invoiceId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
                .body(pdf.render(invoice));
    }

    @GetMapping("/{invoiceId}/trace")
    @Operation(summary = "The decision trace: every rule fired, in order, with the facts it matched")
    public TraceResponse trace(@PathVariable UUID invoiceId) {
        TenantId tenant = CurrentCaller.tenant();
        InvoiceView invoice = find(tenant, invoiceId);
        return new TraceResponse(invoiceId,
                new RulePackResponse(invoice.packName(), invoice.packVersion(), invoice.packHash()),
                invoices.trace(tenant, invoiceId));
    }

    private InvoiceView find(TenantId tenant, UUID invoiceId) {
        return invoices.find(tenant, invoiceId)
                .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
    }
}
