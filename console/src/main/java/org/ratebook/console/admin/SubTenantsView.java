package org.ratebook.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.operator.TenantOnboarding;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Taken;
import org.ratebook.tenants.TenantAdministration;
import org.ratebook.tenants.TenantAdministration.TenantSummary;

/** A reseller's sub-tenants: create one with its first admin, suspend or reactivate; each brands itself. */
@Route(value = "admin/sub-tenants", layout = MainLayout.class)
@Menu(title = "Sub-tenants", order = 84)
@PageTitle("Sub-tenants · Ratebook")
@RolesAllowed(Role.Names.TENANT_ADMIN)
class SubTenantsView extends VerticalLayout {

    private final TenantAdminService admin;
    private final Grid<TenantSummary> grid = new Grid<>();
    private final TextField id = new TextField("Tenant id");
    private final TextField name = new TextField("Name");
    private final TextField firstAdmin = new TextField("First admin's username");

    SubTenantsView(TenantAdminService admin) {
        this.admin = admin;
        grid.addColumn(t -> t.id().value()).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(TenantSummary::name).setHeader("Name").setFlexGrow(1);
        grid.addComponentColumn(t -> ShownOnce.badge(t.status() == TenantAdministration.Status.ACTIVE ? "Active"
                : "Suspended", t.status() == TenantAdministration.Status.ACTIVE)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(TenantSummary::users).setHeader("Users").setAutoWidth(true);
        grid.addColumn(TenantSummary::accounts).setHeader("Customers").setAutoWidth(true);
        grid.addColumn(TenantSummary::invoices).setHeader("Invoices").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            boolean active = t.status() == TenantAdministration.Status.ACTIVE;
            Button b = new Button(active ? "Suspend" : "Reactivate", e -> {
                admin.setSubTenantStatus(t.id(), active ? TenantAdministration.Status.SUSPENDED
                        : TenantAdministration.Status.ACTIVE);
                Notification.show(t.id() + (active ? " suspended." : " reactivated."), 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            });
            b.setId((active ? "suspend-" : "reactivate-") + t.id());
            return b;
        }).setAutoWidth(true);
        grid.setId("sub-tenants");
        grid.setAllRowsVisible(true);
        id.setId("new-sub-id");
        id.setHelperText("2-40 lower-case letters, digits or dashes");
        name.setId("new-sub-name");
        firstAdmin.setId("new-sub-admin");
        Button create = new Button("Create sub-tenant", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-sub-tenant");
        add(new H2("Sub-tenants"), new Paragraph("Tenants you resell to: each bills its own customers with its own "
                + "branding; you create them and may suspend them."), grid, new H3("New sub-tenant"),
                new FormLayout(id, name, firstAdmin), create);
        refresh();
    }

    private void create() {
        for (TextField f : new TextField[]{id, name, firstAdmin}) {
            f.setInvalid(false);
        }
        try {
            TenantOnboarding.Onboarded done = admin.createSubTenant(new TenantOnboarding.NewTenantRequest(
                    id.getValue(), name.getValue(), null, null, firstAdmin.getValue()));
            ShownOnce.show("Sub-tenant " + done.tenant() + " created", "Give its admin, " + done.adminUsername()
                    + ", this password to sign in.", "One-time password", done.oneTimePassword());
            for (TextField f : new TextField[]{id, name, firstAdmin}) {
                f.clear();
            }
            refresh();
        } catch (IllegalArgumentException | Taken e) {
            String m = e.getMessage();
            TextField f = m.contains("username") ? firstAdmin : m.contains("name") ? name : id;
            f.setErrorMessage(m);
            f.setInvalid(true);
        }
    }

    private void refresh() {
        grid.setItems(admin.subTenants());
    }
}
