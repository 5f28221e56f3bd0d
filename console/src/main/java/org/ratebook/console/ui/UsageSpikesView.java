package org.ratebook.console.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.security.CurrentTenant;
import org.ratebook.tenants.Role;
import org.ratebook.engine.rating.UsageSpikes;
import org.ratebook.tenants.TenantId;

import java.util.List;

/** Usage the tenant's rules flagged as unusual (e.g. three times the trailing average), newest first. */
@Route(value = "usage-spikes", layout = MainLayout.class)
@Menu(title = "Usage spikes", order = 60)
@PageTitle("Usage spikes · Ratebook")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.ANALYST, Role.Names.APPROVER, Role.Names.AUDITOR})
public class UsageSpikesView extends VerticalLayout {

    public UsageSpikesView(UsageSpikes spikes, CurrentTenant current) {
        TenantId tenant = current.require();
        Grid<UsageSpikes.Spike> grid = new Grid<>();
        grid.addColumn(UsageSpikes.Spike::flaggedOn).setHeader("Flagged on").setAutoWidth(true);
        grid.addColumn(UsageSpikes.Spike::subscriptionId).setHeader("Subscription").setAutoWidth(true);
        grid.addColumn(UsageSpikes.Spike::meter).setHeader("Meter").setAutoWidth(true);
        grid.addColumn(s -> s.from() + " to " + s.to()).setHeader("Period").setAutoWidth(true);
        grid.addColumn(s -> s.quantity().toPlainString()).setHeader("Quantity").setAutoWidth(true);
        grid.addColumn(s -> s.trailingAverage() == null ? "" : s.trailingAverage().toPlainString())
                .setHeader("Average before").setAutoWidth(true);
        grid.addColumn(UsageSpikes.Spike::reason).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(UsageSpikes.Spike::rule).setHeader("Rule").setAutoWidth(true);
        List<UsageSpikes.Spike> items = spikes.latest(tenant, 200);
        grid.setItems(items);
        grid.setId("usage-spikes");
        add(new H2("Usage spikes"), items.isEmpty()
                ? new Paragraph("No usage has been flagged. The rule pack's overage rules flag it when an invoice "
                + "is decided.") : grid);
    }
}
