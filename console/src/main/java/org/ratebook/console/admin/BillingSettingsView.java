package org.ratebook.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.invoicing.domain.InvoiceNumberFormat;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.Role;

/** The tenant's invoicing settings (the same as {@code PUT /api/v1/billing-settings}): numbering, terms, drafts. */
@Route(value = "admin/billing-settings", layout = MainLayout.class)
@Menu(title = "Billing settings", order = 83)
@PageTitle("Billing settings · Ratebook")
@RolesAllowed(Role.Names.TENANT_ADMIN)
class BillingSettingsView extends VerticalLayout {

    private final TenantAdminService admin;
    private final TextField prefix = new TextField("Invoice number prefix");
    private final TextField format = new TextField("Invoice number format");
    private final IntegerField terms = new IntegerField("Payment terms (days)");
    private final IntegerField review = new IntegerField("Review drafts for (hours, optional)");
    private final com.vaadin.flow.component.select.Select<org.ratebook.tenants.NumberingScope> scope =
            new com.vaadin.flow.component.select.Select<>();

    BillingSettingsView(TenantAdminService admin) {
        this.admin = admin;
        BillingSettings current = admin.billingSettings();
        prefix.setValue(current.invoicePrefix());
        prefix.setHelperText("1 to 20 letters, digits or - _ . /");
        format.setValue(current.invoiceNumberFormat());
        format.setHelperText("{prefix}, {yyyy}, {yy}, {mm}, {customer:N} and one {seq} or {seq:N}, e.g. "
                + "{prefix}-{yyyy}-{seq:6}");
        terms.setValue(current.paymentTermsDays());
        terms.setMin(0);
        terms.setMax(365);
        review.setValue(current.draftReviewHours());
        review.setHelperText("empty: invoices are final when billed");
        scope.setLabel("Invoice numbers run");
        scope.setItems(org.ratebook.tenants.NumberingScope.values());
        scope.setItemLabelGenerator(s -> s == org.ratebook.tenants.NumberingScope.CUSTOMER
                ? "per customer (the format shows {customer})" : "per seller (one series)");
        scope.setValue(current.numberingScope());
        scope.setId("settings-numbering-scope");
        prefix.setId("settings-prefix");
        format.setId("settings-format");
        terms.setId("settings-terms");
        review.setId("settings-review");
        Button save = new Button("Save settings", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-settings");
        add(new H2("Billing settings"), new Paragraph("How invoices are numbered and when they fall due. A change "
                + "applies to invoices issued after it."), new FormLayout(prefix, format, terms, review, scope), save);
    }

    private void save() {
        prefix.setInvalid(false);
        format.setInvalid(false);
        terms.setInvalid(false);
        review.setInvalid(false);
        try {
            new InvoiceNumberFormat(format.getValue().strip());
        } catch (IllegalArgumentException e) {
            format.setErrorMessage(e.getMessage());
            format.setInvalid(true);
            return;
        }
        if (!prefix.getValue().strip().matches("[A-Za-z0-9_./-]{1,20}")) {
            prefix.setErrorMessage("1 to 20 letters, digits or - _ . /");
            prefix.setInvalid(true);
            return;
        }
        if (terms.getValue() == null || terms.getValue() < 0 || terms.getValue() > 365) {
            terms.setErrorMessage("0 to 365 days");
            terms.setInvalid(true);
            return;
        }
        if (review.getValue() != null && (review.getValue() < 1 || review.getValue() > 8760)) {
            review.setErrorMessage("1 to 8760 hours, or empty");
            review.setInvalid(true);
            return;
        }
        BillingSettings settings;
        try {
            settings = new BillingSettings(prefix.getValue().strip(), format.getValue().strip(), terms.getValue(),
                    review.getValue(), scope.getValue());
        } catch (IllegalArgumentException e) {
            format.setErrorMessage(e.getMessage());
            format.setInvalid(true);
            return;
        }
        admin.saveBillingSettings(settings);
        Notification.show("Billing settings saved: the next invoice is numbered " + format.getValue().strip() + ".",
                5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
