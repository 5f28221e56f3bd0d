package org.ratebook.console.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.security.CurrentTenant;
import org.ratebook.tenants.Role;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.pdf.InvoicePdfRenderer;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.tenants.TenantId;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The tenant's invoices. Selecting one shows its lines and, for each line, why: the rule pack version and
 * the rules that produced it, then the full decision trace.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "Invoices", order = 20)
@PageTitle("Invoices · Ratebook")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.ANALYST, Role.Names.APPROVER, Role.Names.AUDITOR})
public class InvoicesView extends VerticalLayout {

    private final InvoiceQueries invoices;
    private final InvoicePdfRenderer pdf;
    private final TenantId tenant;
    private final Div details = new Div();

    public InvoicesView(InvoiceQueries invoices, InvoicePdfRenderer pdf, CurrentTenant current) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.tenant = current.require();

        Grid<InvoiceView> grid = new Grid<>();
        grid.addColumn(i -> i.number() == null ? "(draft)" : i.number()).setHeader("Number").setAutoWidth(true);
        grid.addColumn(InvoiceView::invoiceDate).setHeader("Date").setAutoWidth(true);
        grid.addColumn(i -> i.buyer().name()).setHeader("Customer").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(i -> i.total().toPlainString() + " " + i.currency()).setHeader("Total").setAutoWidth(true);
        grid.addColumn(i -> i.packName() + " v" + i.packVersion()).setHeader("Rule pack").setAutoWidth(true);
        grid.addColumn(InvoiceView::status).setHeader("Status").setAutoWidth(true);
        List<InvoiceView> items = invoices.latest(tenant, 200);
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= 15);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.setId("invoices");

        details.setId("invoice-details");
        details.setWidthFull();
        add(new H2("Invoices"), items.isEmpty()
                ? new Paragraph("No invoices yet. Run billing with POST /api/v1/billing-runs.") : grid, details);
        if (!items.isEmpty()) {
            grid.select(items.getFirst());
        }
    }

    private void show(InvoiceView invoice) {
        details.removeAll();
        if (invoice == null) {
            return;
        }
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = pdf.render(invoice);
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    (invoice.number() == null ? "draft-" + invoice.invoiceId() : invoice.number()) + ".pdf",
                    "application/pdf", bytes.length);
        }), "Download PDF");
        details.add(new H3((invoice.number() == null ? "Draft invoice (not numbered yet)"
                : "Invoice " + invoice.number()) + " · " + invoice.total().toPlainString() + " "
                + invoice.currency()), download);
        for (InvoiceLineView line : invoice.lines()) {
            Div row = new Div();
            row.addClassName("invoice-line");
            row.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.5em 0");
            row.add(new Div(new Span("Line " + line.lineNo() + ": " + line.description() + " · "
                    + line.periodFrom() + " to " + line.periodTo() + " · " + line.amount().toPlainString() + " "
                    + invoice.currency() + " + tax " + line.taxAmount().toPlainString() + " (" + line.taxLabel() + ")")));
            Div why = new Div(new Span("Why: rule pack " + invoice.packName() + " v" + invoice.packVersion()
                    + " (" + invoice.packHash().substring(0, 12) + ") · rules fired: "
                    + String.join(" → ", line.rules())));
            why.addClassName("why");
            why.getStyle().set("color", "var(--lumo-secondary-text-color)");
            if (line.usage()) {
                row.add(usage(line));
            }
            row.add(why);
            details.add(row);
        }
        Div taxes = new Div(new H3("Tax summary"));
        taxes.setId("tax-summary");
        invoice.taxes().forEach(t -> taxes.add(new Paragraph(t.label() + " · on " + t.taxableAmount().toPlainString()
                + " " + invoice.currency() + " · " + t.taxAmount().toPlainString() + " " + invoice.currency())));
        details.add(taxes);
        Div trace = new Div(new H3("Decision trace"));
        for (RuleFiring firing : invoices.trace(tenant, invoice.invoiceId())) {
            Paragraph p = new Paragraph(firing.order() + ". [" + firing.category() + "] " + firing.rule()
                    + " — matched " + String.join("; ", firing.matched()));
            p.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                    .set("font-size", "var(--lumo-font-size-s)");
            trace.add(p);
        }
        details.add(trace);
    }

    /** What a usage line measured and how its amount was reached, tier by tier. */
    private static Div usage(InvoiceLineView line) {
        Div usage = new Div(new Span("Measured: " + line.quantity().toPlainString() + " " + line.unit() + " of "
                + line.meter() + " from " + line.transactions() + " usage events (GET …/lines/" + line.lineNo()
                + "/usage lists them)"));
        usage.addClassName("usage");
        for (UsageTierLine tier : line.tiers()) {
            usage.add(new Div(new Span(tier.label() + ": " + tier.units().stripTrailingZeros().toPlainString()
                    + (tier.unitPrice() == null ? "" : " × " + tier.unitPrice().stripTrailingZeros().toPlainString())
                    + (tier.flatFee() == null ? "" : " + " + tier.flatFee().toPlainString()) + " = "
                    + tier.amount().stripTrailingZeros().toPlainString())));
        }
        usage.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return usage;
    }
}
