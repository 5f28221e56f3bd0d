package org.ratebook.console.customers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.finance.FinanceActions;
import org.ratebook.console.finance.KeysetPages;
import org.ratebook.console.finance.Ui;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.listing.AccountListing;
import org.ratebook.tenants.Role;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The tenant's customers by name: searched, filtered and paged in the database; a click opens the account. */
@Route(value = "customers", layout = MainLayout.class)
@Menu(title = "Customers", order = 20)
@PageTitle("Customers · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
class CustomersView extends VerticalLayout {

    private final FinanceActions finance;
    private final KeysetPages<AccountListing.Row> pages = new KeysetPages<>();
    private final Grid<AccountListing.Row> grid = new Grid<>();
    private final TextField search = new TextField("Search");
    private final ComboBox<String> status = new ComboBox<>("Dunning state", AccountListing.STATES);
    private final BigDecimalField minBalance = new BigDecimalField("Owing at least");
    private final Span count = new Span();

    CustomersView(FinanceActions finance) {
        this.finance = finance;
        setSizeFull();
        search.setPlaceholder("Name, email or tax id");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("customer-search");
        status.setClearButtonVisible(true);
        status.setId("customer-status");
        minBalance.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        minBalance.addValueChangeListener(e -> refresh());
        count.setId("customer-count");

        grid.addColumn(AccountListing.Row::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(AccountListing.Row::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(AccountListing.Row::taxId).setHeader("Tax id").setAutoWidth(true);
        grid.addColumn(AccountListing.Row::country).setHeader("Country").setAutoWidth(true);
        grid.addComponentColumn(r -> Ui.badge(r.status())).setHeader("Dunning").setAutoWidth(true);
        grid.addColumn(r -> Ui.money(r.balance(), r.currency())).setHeader("Balance")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(q -> pages.fetch(q.getOffset(), q.getLimit(),
                (after, skip, limit) -> finance.accounts(filter(), after, skip, limit)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, finance.countAccounts(filter())));
        grid.addItemClickListener(e -> open(e.getItem().accountId()));
        grid.setId("customers");
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(search, status, minBalance, count);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout head = new HorizontalLayout(new H2("Customers"));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (finance.mayAct()) {
            Button create = new Button("New customer", e -> createDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-customer");
            head.add(create);
        }
        add(head, filters, grid);
        updateCount();
    }

    private void open(UUID accountId) {
        getUI().ifPresent(ui -> ui.navigate(AccountPage.class, new RouteParameters("accountId", accountId.toString())));
    }

    private AccountListing.Filter filter() {
        return new AccountListing.Filter(search.getValue(), null, null, null, status.getValue(), minBalance.getValue());
    }

    private void refresh() {
        pages.reset();
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        long n = finance.countAccounts(filter());
        count.setText(n == 0 ? "No customers match." + (finance.mayAct() ? " Add one with “New customer”." : "")
                : NumberFormat.getIntegerInstance(getLocale()).format(n) + (n == 1 ? " customer" : " customers"));
    }

    /** A new account; each field says what is wrong with it, and nothing is created until all are right. */
    private void createDialog() {
        Dialog dialog = new Dialog("New customer");
        TextField name = new TextField("Name");
        name.setRequired(true);
        name.setMaxLength(200);
        name.setId("new-name");
        EmailField email = new EmailField("Billing email");
        email.setMaxLength(200);
        email.setId("new-email");
        ComboBox<String> currency = new ComboBox<>("Currency",
                List.of("EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK"));
        currency.setValue("EUR");
        currency.setId("new-currency");
        ComboBox<String> country = new ComboBox<>("Country", Arrays.stream(Locale.getISOCountries()).sorted().toList());
        country.setItemLabelGenerator(c -> c + " · " + Locale.of("", c).getDisplayCountry(getLocale()));
        country.setValue("DE");
        country.setId("new-country");
        ComboBox<String> zone = new ComboBox<>("Time zone", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue("Europe/Berlin");
        TextArea address = new TextArea("Address (one line each)");
        address.setMaxLength(1000);
        TextField taxId = new TextField("VAT / tax id");
        taxId.setMaxLength(50);
        taxId.setId("new-tax-id");
        Checkbox business = new Checkbox("Business customer (reverse charge applies with a valid EU VAT id)");
        FormLayout form = new FormLayout(name, email, currency, country, zone, taxId, address, business);
        Button create = new Button("Create customer", e -> {
            boolean ok = true;
            for (var field : List.of(name, email, taxId)) {
                field.setInvalid(false);
            }
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage("A customer needs a name");
                ok = false;
            }
            if (!email.getValue().isBlank() && !email.getValue().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                email.setInvalid(true);
                email.setErrorMessage("Not an email address");
                ok = false;
            }
            if (currency.getValue() == null) {
                currency.setInvalid(true);
                currency.setErrorMessage("Choose the currency it is billed in");
                ok = false;
            }
            if (country.getValue() == null) {
                country.setInvalid(true);
                country.setErrorMessage("Choose its country (it decides the tax)");
                ok = false;
            }
            if (!taxId.getValue().isBlank() && !taxId.getValue().matches("[A-Za-z0-9 .-]{4,30}")) {
                taxId.setInvalid(true);
                taxId.setErrorMessage("A tax id has 4 to 30 letters and digits");
                ok = false;
            }
            if (!ok) {
                return;
            }
            try {
                Currency.getInstance(currency.getValue());
                UUID id = finance.createAccount(name.getValue().trim(), email.getValue().isBlank() ? null
                                : email.getValue().trim(), currency.getValue(), country.getValue(),
                        zone.getValue() == null ? "UTC" : zone.getValue(),
                        address.getValue().lines().map(String::trim).filter(l -> !l.isEmpty()).toList(),
                        taxId.getValue().isBlank() ? null : taxId.getValue().replace(" ", "").toUpperCase(Locale.ROOT),
                        business.getValue());
                dialog.close();
                Ui.done("Customer " + name.getValue().trim() + " created");
                open(id);
            } catch (RuntimeException ex) {
                String reason = Ui.reason(ex);
                TextField target = reason.toLowerCase(Locale.ROOT).contains("tax") ? taxId : name;
                target.setInvalid(true);
                target.setErrorMessage(reason);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-customer");
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }
}
