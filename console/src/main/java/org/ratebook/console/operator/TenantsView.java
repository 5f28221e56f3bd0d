package org.ratebook.console.operator;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.admin.ShownOnce;
import org.ratebook.console.security.CurrentTenant;
import org.ratebook.console.security.OperatorTenantSwitch;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Taken;
import org.ratebook.tenants.TenantAdministration;
import org.ratebook.tenants.TenantAdministration.TenantSummary;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The operator's tenants: every tenant with its counts and status, a form to create one (live or sandbox) with its
 * first admin, suspend / reactivate, and "Work on" to switch the tenant he works on without signing out.
 */
@Route(value = "operator/tenants", layout = MainLayout.class)
@Menu(title = "Tenants", order = 90)
@PageTitle("Tenants · Ratebook")
@RolesAllowed(Role.Names.OPERATOR)
class TenantsView extends VerticalLayout {

    private final TenantOnboarding onboarding;
    private final OperatorTenantSwitch switcher;
    private final Grid<TenantSummary> grid = new Grid<>();
    /**
     * The tenant to work on, chosen by id or name above the grid. (A "Work on" button in each row came first; in
     * Chromium its clicks after the grid had been rendered once were not delivered to the server, with no error, so
     * the operator could not switch a second time. The chooser's button is an ordinary one.)
     */
    private final ComboBox<TenantSummary> chooser = new ComboBox<>("Work on tenant");

    private final TextField id = new TextField("Tenant id");
    private final TextField name = new TextField("Name");
    private final TextField country = new TextField("Country (optional)");
    private final Checkbox sandbox = new Checkbox("Sandbox (its own test clock)");
    private final DatePicker clockStart = new DatePicker("Test clock starts on");
    private final TextField admin = new TextField("First admin's username");
    private final Span formError = new Span();

    TenantsView(TenantOnboarding onboarding, OperatorTenantSwitch switcher, CurrentTenant current) {
        this.onboarding = onboarding;
        this.switcher = switcher;
        Paragraph working = new Paragraph(current.find().map(t -> "You are working on tenant " + t
                + ". Its pages are in the menu; choose another below.").orElse("Choose a tenant to work on, or create "
                + "one. Its pages appear in the menu once you work on it."));
        working.setId("working-on");

        grid.addColumn(t -> t.id().value()).setHeader("Tenant").setAutoWidth(true).setSortable(true);
        grid.addColumn(TenantSummary::name).setHeader("Name").setFlexGrow(1);
        grid.addComponentColumn(t -> ShownOnce.badge(t.status() == TenantAdministration.Status.ACTIVE ? "Active"
                : "Suspended", t.status() == TenantAdministration.Status.ACTIVE)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.sandbox() ? "Sandbox, clock at " + t.testClock().atZone(ZoneOffset.UTC).toLocalDate()
                : "Live").setHeader("Kind").setAutoWidth(true);
        grid.addColumn(t -> t.parent() == null ? "" : t.parent().value()).setHeader("Reseller").setAutoWidth(true);
        grid.addColumn(TenantSummary::users).setHeader("Users").setAutoWidth(true);
        grid.addColumn(TenantSummary::apiKeys).setHeader("API keys").setAutoWidth(true);
        grid.addColumn(TenantSummary::accounts).setHeader("Customers").setAutoWidth(true);
        grid.addColumn(TenantSummary::invoices).setHeader("Invoices").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setId("tenants");
        grid.setAllRowsVisible(true);

        id.setHelperText("2-40 lower-case letters, digits or dashes; appears in URLs");
        id.setId("new-tenant-id");
        name.setId("new-tenant-name");
        country.setId("new-tenant-country");
        country.setHelperText("two letters, e.g. DE");
        sandbox.setId("new-tenant-sandbox");
        clockStart.setVisible(false);
        sandbox.addValueChangeListener(e -> clockStart.setVisible(e.getValue()));
        admin.setId("new-tenant-admin");
        formError.setId("new-tenant-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button("Create tenant", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-tenant");
        FormLayout form = new FormLayout(id, name, country, admin, sandbox, clockStart);

        chooser.setId("work-on-tenant");
        chooser.setItemLabelGenerator(t -> t.id().value() + " · " + t.name());
        chooser.setPlaceholder("tenant id or name");
        chooser.setClearButtonVisible(true);
        Button workOnChosen = new Button("Work on it", e -> {
            if (chooser.getValue() == null) {
                chooser.setInvalid(true);
                chooser.setErrorMessage("Choose a tenant first");
                return;
            }
            switchTo(chooser.getValue().id());
        });
        workOnChosen.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        workOnChosen.setId("work-on");
        HorizontalLayout choose = new HorizontalLayout(chooser, workOnChosen);
        choose.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        add(new H2("Tenants"), working, choose, grid, new H3("New tenant"),
                new Paragraph("Creates the tenant with the default rule pack and its first admin, who gets a one-time "
                        + "password shown once."), form, formError, create);
        refresh();
    }

    private HorizontalLayout actions(TenantSummary t) {
        boolean active = t.status() == TenantAdministration.Status.ACTIVE;
        Button status = new Button(active ? "Suspend" : "Reactivate", e -> {
            onboarding.setStatus(t.id(), active ? TenantAdministration.Status.SUSPENDED
                    : TenantAdministration.Status.ACTIVE);
            Notification.show("Tenant " + t.id() + (active ? " suspended: its users and keys are refused, its data "
                    + "is kept." : " reactivated."), 5000, Notification.Position.BOTTOM_START);
            refresh();
        });
        status.setId((active ? "suspend-" : "reactivate-") + t.id());
        if (active) {
            status.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return new HorizontalLayout(status);
    }

    private void create() {
        for (TextField f : new TextField[]{id, name, country, admin}) {
            f.setInvalid(false);
        }
        formError.setText("");
        try {
            TenantOnboarding.Onboarded done = onboarding.create(new TenantOnboarding.NewTenantRequest(id.getValue(),
                    name.getValue(), country.getValue(), sandbox.getValue() ? clockStart.getValue() : null,
                    admin.getValue()));
            Notification n = Notification.show("Tenant " + done.tenant() + " created with its admin "
                    + done.adminUsername() + ".", 5000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            ShownOnce.show("Tenant " + done.tenant() + " created", "Give the first admin, " + done.adminUsername()
                    + ", this one-time password to sign in.", "One-time password", done.oneTimePassword());
            for (TextField f : new TextField[]{id, name, country, admin}) {
                f.clear();
            }
            refresh();
        } catch (IllegalArgumentException | Taken e) {
            String message = e.getMessage();
            TextField field = message.contains("tenant id") || message.contains("a tenant '") ? id
                    : message.contains("name") && !message.contains("username") ? name
                    : message.contains("username") ? admin : message.contains("country") ? country : null;
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
            formError.setText(message);
        }
    }

    private void refresh() {
        List<TenantSummary> tenants = onboarding.list();
        grid.setItems(tenants);
        chooser.setItems(tenants);
    }

    /** Works on {@code tenant} and opens its start page; a refusal is said in words. */
    private void switchTo(org.ratebook.tenants.TenantId tenant) {
        try {
            switcher.workOn(tenant);
        } catch (RuntimeException refused) {
            org.slf4j.LoggerFactory.getLogger(TenantsView.class).warn("The switch to {} was refused", tenant, refused);
            Notification.show("Could not work on " + tenant + ": " + refused.getMessage(), 8000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        UI.getCurrent().getPage().setLocation(com.vaadin.flow.server.VaadinService.getCurrentRequest().getContextPath() + "/");
    }
}
