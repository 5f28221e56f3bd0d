package org.ratebook.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.NotFoundException;
import org.ratebook.tenants.ConsoleUsers.UserSummary;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Taken;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant admin's people: who may sign in, with which roles; create a user (one-time password shown once),
 * change roles, disable or enable, reset a password.
 */
@Route(value = "admin/users", layout = MainLayout.class)
@Menu(title = "Users and roles", order = 80)
@PageTitle("Users · Ratebook")
@RolesAllowed(Role.Names.TENANT_ADMIN)
class UsersView extends VerticalLayout {

    static final List<Role> TENANT_ROLES = List.of(Role.TENANT_ADMIN, Role.ANALYST, Role.APPROVER, Role.AUDITOR);

    private final TenantAdminService admin;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField username = new TextField("Username");
    private final CheckboxGroup<Role> roles = roleChoice("Roles");

    UsersView(TenantAdminService admin) {
        this.admin = admin;
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true).setSortable(true);
        grid.addColumn(u -> describe(u.roles())).setHeader("Roles").setFlexGrow(1);
        grid.addComponentColumn(u -> ShownOnce.badge(u.enabled() ? "Enabled" : "Disabled", u.enabled()))
                .setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setId("users");
        grid.setAllRowsVisible(true);

        username.setId("new-user-name");
        username.setHelperText("what they type to sign in: lower-case letters, digits, . _ @ -");
        roles.setId("new-user-roles");
        Button create = new Button("Create user", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-user");
        add(new H2("Users and roles"), new Paragraph(
                "Analysts run billing and edit prices; approvers approve and publish price changes made by someone "
                        + "else; auditors read everything and change nothing; tenant admins manage people, keys and "
                        + "settings."), grid, new H3("New user"), new HorizontalLayout(username, roles), create);
        refresh();
    }

    static CheckboxGroup<Role> roleChoice(String label) {
        CheckboxGroup<Role> group = new CheckboxGroup<>(label);
        group.setItems(TENANT_ROLES);
        group.setItemLabelGenerator(UsersView::describe);
        return group;
    }

    static String describe(Role role) {
        return switch (role) {
            case TENANT_ADMIN -> "Tenant admin";
            case ANALYST -> "Analyst";
            case APPROVER -> "Approver";
            case AUDITOR -> "Auditor";
            case OPERATOR -> "Operator";
        };
    }

    static String describe(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(UsersView::describe).collect(Collectors.joining(", "));
    }

    private HorizontalLayout actions(UserSummary user) {
        Button editRoles = new Button("Roles…", e -> editRoles(user));
        editRoles.setId("roles-" + user.username());
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> act(() -> {
            admin.setEnabled(user.username(), !user.enabled());
            return user.username() + (user.enabled() ? " disabled: they can no longer sign in." : " enabled.");
        }));
        toggle.setId((user.enabled() ? "disable-" : "enable-") + user.username());
        Button reset = new Button("Reset password", e -> {
            try {
                String password = admin.resetPassword(user.username());
                ShownOnce.show("New password for " + user.username(), "Their old password no longer works.",
                        "One-time password", password);
            } catch (IllegalArgumentException | NotFoundException ex) {
                error(ex.getMessage());
            }
        });
        reset.setId("reset-" + user.username());
        return new HorizontalLayout(editRoles, toggle, reset);
    }

    private void editRoles(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + user.username());
        CheckboxGroup<Role> choice = roleChoice("Roles");
        choice.setValue(user.roles());
        choice.setId("edit-roles");
        dialog.add(choice);
        Button save = new Button("Save roles", e -> {
            try {
                admin.setRoles(user.username(), choice.getValue());
                dialog.close();
                success("Roles of " + user.username() + ": " + describe(choice.getValue()) + ".");
                refresh();
            } catch (IllegalArgumentException | NotFoundException ex) {
                choice.setErrorMessage(ex.getMessage());
                choice.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-roles");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void create() {
        username.setInvalid(false);
        roles.setInvalid(false);
        try {
            if (roles.getValue().isEmpty()) {
                throw new IllegalArgumentException("choose at least one role");
            }
            String name = username.getValue().strip();
            String password = admin.createUser(name, roles.getValue());
            success("User " + name + " created as " + describe(roles.getValue()) + ".");
            ShownOnce.show("User " + name + " created", "Give " + name + " this password to sign in.",
                    "One-time password", password);
            username.clear();
            roles.clear();
            refresh();
        } catch (IllegalArgumentException | Taken e) {
            if (e.getMessage().contains("role")) {
                roles.setErrorMessage(e.getMessage());
                roles.setInvalid(true);
            } else {
                username.setErrorMessage(e.getMessage());
                username.setInvalid(true);
            }
        }
    }

    private void act(java.util.function.Supplier<String> action) {
        try {
            success(action.get());
            refresh();
        } catch (IllegalArgumentException | NotFoundException e) {
            error(e.getMessage());
        }
    }

    private static void success(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        grid.setItems(admin.users());
    }
}
