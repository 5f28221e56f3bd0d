package org.ratebook.console.audit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.audit.SelfCheck;
import org.ratebook.tenants.Role;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The self-check: every invoice re-derived in the background with progress (leaving the page does not stop it),
 * and the documents whose re-derivation ever differed, from the daily sample and from such runs.
 */
@Route(value = "audit/self-check", layout = MainLayout.class)
@PageTitle("Self-check · Ratebook")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.TENANT_ADMIN, Role.Names.ANALYST})
class SelfCheckView extends VerticalLayout {

    private final AuditService audit;
    private final ProgressBar bar = new ProgressBar();
    private final Span status = new Span();
    private final Grid<SelfCheck.Mismatch> grid = new Grid<>();
    private com.vaadin.flow.shared.Registration polling;
    private final Paragraph none = new Paragraph("No mismatches: every invoice re-derived so far was identical.");

    SelfCheckView(AuditService audit) {
        this.audit = audit;
        Button start = new Button("Re-derive all invoices", e -> {
            audit.startSelfCheck();
            refresh();
        });
        start.setId("self-check-start");
        status.setId("self-check-status");
        grid.addColumn(SelfCheck.Mismatch::foundAt).setHeader("Found").setAutoWidth(true);
        grid.addColumn(m -> m.kind() + " " + (m.number() == null ? "(draft)" : m.number())).setHeader("Document")
                .setAutoWidth(true);
        grid.addColumn(SelfCheck.Mismatch::date).setHeader("Date").setAutoWidth(true);
        grid.addColumn(m -> m.differences().stream().map(d -> d.item() + " " + d.field() + ": " + d.stored() + " → "
                + d.rederived()).collect(Collectors.joining("; "))).setHeader("Differences").setFlexGrow(1);
        grid.addColumn(SelfCheck.Mismatch::foundBy).setHeader("Found by").setAutoWidth(true);
        grid.setId("self-check-mismatches");
        add(new H2("Self-check"), new Paragraph("Every day the most recent invoices are re-derived from the events. "
                + "Re-derive all of them here; it runs in the background and changes nothing."),
                new Anchor("audit", "Back to the audit"), start, bar, status, new H3("Mismatches"), none, grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private void refresh() {
        audit.selfCheckProgress().ifPresentOrElse(p -> {
            bar.setVisible(true);
            bar.setValue(p.total() == 0 ? 1 : (double) p.done() / p.total());
            status.setText(switch (p.state()) {
                case "RUNNING" -> "Re-deriving: " + p.done() + " of " + p.total() + " invoices, " + p.mismatches()
                        + " differ so far";
                case "DONE" -> "Done: " + p.total() + " invoices re-derived, " + (p.mismatches() == 0
                        ? "all identical" : p.mismatches() + " differ");
                default -> "Stopped after " + p.done() + " invoices: " + p.problem();
            });
        }, () -> {
            bar.setVisible(false);
            status.setText("No re-derivation of all invoices has run since the application started.");
        });
        List<SelfCheck.Mismatch> mismatches = audit.mismatches(200);
        grid.setItems(mismatches);
        grid.setVisible(!mismatches.isEmpty());
        none.setVisible(mismatches.isEmpty());
    }
}
