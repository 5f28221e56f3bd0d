package org.ratebook.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.NotFoundException;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.ApiKeys.KeySummary;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** The tenant admin's API keys: create with scopes, expiry and owner (key shown once), revoke, see last use. */
@Route(value = "admin/api-keys", layout = MainLayout.class)
@Menu(title = "API keys", order = 81)
@PageTitle("API keys · Ratebook")
@RolesAllowed(Role.Names.TENANT_ADMIN)
class ApiKeysView extends VerticalLayout {

    private final TenantAdminService admin;
    private final Grid<KeySummary> grid = new Grid<>();
    private final TextField label = new TextField("Label");
    private final CheckboxGroup<Scope> scopes = new CheckboxGroup<>("Scopes");
    private final DatePicker expires = new DatePicker("Expires on (optional)");
    private final ComboBox<String> owner = new ComboBox<>("Belongs to (optional)");

    ApiKeysView(TenantAdminService admin) {
        this.admin = admin;
        grid.addColumn(k -> k.label() == null ? "" : k.label()).setHeader("Label").setAutoWidth(true);
        grid.addColumn(k -> k.prefix() + "…").setHeader("Key").setAutoWidth(true);
        grid.addColumn(k -> EnumSet.copyOf(k.scopes()).stream().map(Scope::label).collect(Collectors.joining(", ")))
                .setHeader("Scopes").setFlexGrow(1);
        grid.addColumn(k -> k.owner() == null ? "" : k.owner()).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(k -> day(k.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(k -> k.expiresAt() == null ? "never" : day(k.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? "never" : k.lastUsedAt().toString()).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(k -> {
            boolean active = k.revokedAt() == null && (k.expiresAt() == null || k.expiresAt().isAfter(admin.now()));
            return ShownOnce.badge(k.revokedAt() != null ? "Revoked" : active ? "Active" : "Expired", active);
        }).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(k -> {
            Button revoke = new Button("Revoke", e -> {
                try {
                    admin.revokeKey(k.id());
                    Notification.show("Key " + k.prefix() + "… revoked: calls with it are refused from now on.",
                            5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (NotFoundException ex) {
                    UsersView.error(ex.getMessage());
                }
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revoke.setEnabled(k.revokedAt() == null);
            revoke.setId("revoke-" + k.id());
            return revoke;
        }).setAutoWidth(true);
        grid.setId("api-keys");
        grid.setAllRowsVisible(true);

        label.setId("new-key-label");
        scopes.setItems(Scope.tenantScopes());
        scopes.setItemLabelGenerator(ApiKeysView::describe);
        scopes.setId("new-key-scopes");
        expires.setId("new-key-expires");
        owner.setItems(admin.users().stream().map(ConsoleUsers.UserSummary::username).toList());
        owner.setHelperText("the person named as author or approver of what the key does");
        owner.setId("new-key-owner");
        Button create = new Button("Create key", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-key");
        add(new H2("API keys"), new Paragraph("Systems call the API with a key. Each key may do only what its "
                + "scopes allow; revoke a key you no longer trust."), grid, new H3("New key"),
                new FormLayout(label, owner, expires), scopes, create);
        refresh();
    }

    static String describe(Scope scope) {
        return switch (scope) {
            case READ -> "read: read everything";
            case USAGE_WRITE -> "usage:write: send usage";
            case BILLING -> "billing: customers, subscriptions, invoices, billing runs";
            case RULES -> "rules: edit rule packs";
            case RULES_APPROVE -> "rules:approve: approve and publish rule packs";
            case ADMIN -> "admin: users, keys, branding, settings";
            case OPERATOR -> "operator";
        };
    }

    private void create() {
        scopes.setInvalid(false);
        expires.setInvalid(false);
        try {
            Instant expiry = expires.getValue() == null ? null
                    : expires.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            ApiKeys.IssuedKey key = admin.createKey(label.getValue().isBlank() ? null : label.getValue().strip(),
                    scopes.getValue(), expiry, owner.getValue());
            Notification.show("Key created.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            ShownOnce.show("API key created", "Send it as the X-Api-Key header.", "Key", key.key());
            label.clear();
            scopes.clear();
            expires.clear();
            owner.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("expiry")) {
                expires.setErrorMessage(e.getMessage());
                expires.setInvalid(true);
            } else {
                scopes.setErrorMessage(e.getMessage());
                scopes.setInvalid(true);
            }
        }
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private void refresh() {
        grid.setItems(admin.keys());
    }
}
