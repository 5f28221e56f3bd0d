package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ratebook.console.audit.AuditLog;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.domain.InvoiceNumberFormat;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.NumberingScope;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seller's invoicing settings: invoice number prefix and format, payment terms, and whether invoices are
 * reviewed as drafts first (decision 015). They are tenant configuration, not pricing: prices, tax, discounts and
 * dunning stay in the rule pack. A change applies to invoices issued (or finalized) after it.
 */
@RestController
@RequestMapping("/api/v1/billing-settings")
@Tag(name = "Billing settings", description = "Invoice numbering, payment terms and draft review")
public class BillingSettingsController {

    public record BillingSettingsBody(
            @NotBlank @Schema(example = "INV") String invoicePrefix,
            @NotBlank @Schema(example = "{prefix}-{yyyy}-{seq:6}",
                    description = "tokens {prefix}, {yyyy}, {yy}, {mm}, at most one {customer} or {customer:N} (the "
                            + "customer's number) and exactly one {seq} or {seq:N}")
            String invoiceNumberFormat,
            @NotNull @Schema(example = "14", description = "days from the invoice date to its due date (0–365)")
            Integer paymentTermsDays,
            @Schema(example = "24", nullable = true, description = "hours a draft waits for review before it is "
                    + "finalized (1–8760); null: invoices are finalized when billed")
            Integer draftReviewHours,
            @Schema(example = "TENANT", nullable = true, description = "TENANT: one series of invoice numbers for the "
                    + "seller (default); CUSTOMER: a series per customer (Lago), which needs {customer} or "
                    + "{customer:N} in the format. Both series advance with every invoice; this chooses the one "
                    + "printed.")
            NumberingScope numberingScope) {

        static BillingSettingsBody of(BillingSettings s) {
            return new BillingSettingsBody(s.invoicePrefix(), s.invoiceNumberFormat(), s.paymentTermsDays(),
                    s.draftReviewHours(), s.numberingScope());
        }
    }

    private final TenantRegistry tenants;
    private final AuditLog audit;

    public BillingSettingsController(TenantRegistry tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @RequiresScope(Scope.READ)
    @GetMapping
    @Operation(summary = "The seller's invoicing settings")
    public BillingSettingsBody get() {
        return BillingSettingsBody.of(tenants.billingSettings(CurrentCaller.tenant()));
    }

    @RequiresScope(Scope.ADMIN)
    @PutMapping
    @Operation(summary = "Replace the invoicing settings; a bad format or out-of-range value is refused (422) "
            + "and changes nothing")
    public BillingSettingsBody put(@Valid @RequestBody BillingSettingsBody body) {
        TenantId tenant = CurrentCaller.tenant();
        BillingSettings settings;
        try {
            new InvoiceNumberFormat(body.invoiceNumberFormat().strip());
            if (!body.invoicePrefix().strip().matches("[A-Za-z0-9_./-]{1,20}")) {
                throw new IllegalArgumentException("an invoice prefix is 1 to 20 letters, digits or - _ . /, not '"
                        + body.invoicePrefix() + "'");
            }
            settings = new BillingSettings(body.invoicePrefix().strip(), body.invoiceNumberFormat().strip(),
                    body.paymentTermsDays(), body.draftReviewHours(), body.numberingScope());
        } catch (IllegalArgumentException e) {
            throw new BillingRejection(e.getMessage());
        }
        BillingSettings before = tenants.billingSettings(tenant);
        tenants.updateBillingSettings(tenant, settings);
        audit.recordChange(tenant, "ChangeBillingSettings", "billing settings", before + " -> " + settings);
        return BillingSettingsBody.of(tenants.billingSettings(tenant));
    }
}
