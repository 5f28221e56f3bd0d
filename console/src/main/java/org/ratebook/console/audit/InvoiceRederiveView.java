package org.ratebook.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.audit.Rederivation;
import org.ratebook.tenants.Role;

import java.util.List;
import java.util.UUID;

/**
 * One invoice re-derived: the decision's inputs rebuilt from the events before it, decided again with the rule
 * pack version the invoice records, and compared field by field. Reached from the invoice's "Re-derive" link.
 */
@Route(value = "audit/invoices", layout = MainLayout.class)
@PageTitle("Re-derive an invoice · Ratebook")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.TENANT_ADMIN, Role.Names.ANALYST})
class InvoiceRederiveView extends VerticalLayout implements HasUrlParameter<String> {

    private final AuditService audit;
    private final Div result = new Div();
    private UUID invoiceId;

    InvoiceRederiveView(AuditService audit) {
        this.audit = audit;
        result.setId("rederivation");
        result.setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        try {
            invoiceId = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            add(new H2("Re-derive an invoice"), new Paragraph("'" + parameter + "' is not an invoice id. Open an "
                    + "invoice from the Invoices page and choose Re-derive."));
            return;
        }
        Button rederive = new Button("Re-derive", e -> rederive());
        rederive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rederive.setId("rederive");
        add(new H2("Re-derive invoice"), new Paragraph("Rebuilds what the decision knew from the events stored "
                + "before the invoice, decides again with the rule pack version the invoice names, and compares every "
                + "line, amount and the pack's content hash. Nothing is changed."), rederive, result);
    }

    private void rederive() {
        result.removeAll();
        List<Rederivation> documents;
        try {
            documents = audit.rederive(invoiceId);
        } catch (NotFoundException e) {
            result.add(new Paragraph("No such invoice."));
            return;
        }
        Rederivation invoice = documents.getFirst();
        if (invoice.accountId() != null) {
            result.add(new Anchor("audit/" + invoice.accountId(), "Timeline and state of this customer"));
        }
        for (Rederivation d : documents) {
            String title = ("invoice".equals(d.kind()) ? "Invoice " : "Credit note ")
                    + (d.number() == null ? "(draft)" : d.number()) + " of " + d.date()
                    + (d.packVersion() == null ? "" : " · rule pack v" + d.packVersion());
            result.add(new H3(title));
            if (d.identical()) {
                Span badge = new Span("Identical");
                badge.getElement().getThemeList().add("badge success");
                badge.addClassName("identical");
                result.add(badge, new Paragraph("Re-derived from " + d.eventsFolded() + " earlier event(s): every "
                        + "field is what was stored."));
                continue;
            }
            Span badge = new Span(d.differences().size() + " difference(s)");
            badge.getElement().getThemeList().add("badge error");
            Grid<Rederivation.Difference> grid = new Grid<>();
            grid.addColumn(Rederivation.Difference::item).setHeader("Item").setAutoWidth(true);
            grid.addColumn(Rederivation.Difference::field).setHeader("Field").setAutoWidth(true);
            grid.addColumn(Rederivation.Difference::stored).setHeader("Stored").setFlexGrow(1);
            grid.addColumn(Rederivation.Difference::rederived).setHeader("Re-derived").setFlexGrow(1);
            grid.setItems(d.differences());
            grid.setAllRowsVisible(true);
            result.add(badge, grid);
        }
    }
}
