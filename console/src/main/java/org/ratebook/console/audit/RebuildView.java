package org.ratebook.console.audit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.audit.ProjectionRebuild;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The operator's projection rebuild: one tenant's invoice read model rebuilt from the event store in the background,
 * with progress, while every other tenant keeps billing.
 */
@Route(value = "operator/rebuild", layout = MainLayout.class)
@PageTitle("Rebuild read models · Ratebook")
@RolesAllowed(Role.Names.OPERATOR)
class RebuildView extends VerticalLayout {

    private final ProjectionRebuild rebuild;
    private final ComboBox<TenantId> tenant = new ComboBox<>("Tenant");
    private final ProgressBar bar = new ProgressBar();
    private final Span status = new Span();
    private Registration polling;

    RebuildView(ProjectionRebuild rebuild, TenantRegistry tenants) {
        this.rebuild = rebuild;
        requireOperator();
        tenant.setItems(tenants.all());
        tenant.setItemLabelGenerator(TenantId::value);
        tenant.addValueChangeListener(e -> refresh());
        Button start = new Button("Rebuild the invoice read model", e -> {
            requireOperator();
            if (tenant.getValue() != null) {
                rebuild.start(tenant.getValue());
                refresh();
            }
        });
        start.setId("rebuild-start");
        status.setId("rebuild-status");
        bar.setVisible(false);
        add(new H2("Rebuild read models"), new Paragraph("Rebuilds the chosen tenant's invoices, lines, payments, "
                + "credit notes and account credit from its events, in one transaction: readers see the old rows until "
                + "it is done, and the other tenants are not touched."), tenant, start, bar, status);
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
        if (tenant.getValue() == null) {
            status.setText("Choose a tenant.");
            return;
        }
        rebuild.progress(tenant.getValue()).ifPresentOrElse(p -> {
            bar.setVisible(true);
            bar.setValue(p.total() == 0 ? 1 : Math.min(1, (double) p.done() / p.total()));
            status.setText(p.state() + ": " + p.done() + " of " + p.total() + " events, "
                    + Math.round(p.eventsPerSecond()) + " events/s" + (p.problem() == null ? "" : " — " + p.problem()));
        }, () -> {
            bar.setVisible(false);
            status.setText("Not rebuilt since the application started.");
        });
    }

    private static void requireOperator() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(("ROLE_" + Role.Names.OPERATOR)::equals)) {
            throw new AccessDeniedException("rebuilding read models is for operators");
        }
    }
}
