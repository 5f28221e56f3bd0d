package org.ratebook.console.invoices;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.finance.FinanceActions;
import org.ratebook.console.finance.KeysetPages;
import org.ratebook.console.finance.Ui;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.listing.InvoiceListing;
import org.ratebook.tenants.Role;

import java.text.NumberFormat;

/** Every invoice of the tenant, newest first, searched and filtered in the database; a click opens it. */
@Route(value = "invoices", layout = MainLayout.class)
@Menu(title = "Invoices", order = 30)
@PageTitle("Invoices · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
class InvoicesView extends VerticalLayout {

    private final FinanceActions finance;
    private final KeysetPages<InvoiceListing.Row> pages = new KeysetPages<>();
    private final Grid<InvoiceListing.Row> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<String> status = new ComboBox<>("Status", InvoiceListing.STATUSES);
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Span count = new Span();

    InvoicesView(FinanceActions finance) {
        this.finance = finance;
        setSizeFull();
        search.setLabel("Search");
        search.setPlaceholder("Number or customer");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("invoice-search");
        status.setClearButtonVisible(true);
        status.setId("invoice-status");
        from.setId("invoice-from");
        to.setId("invoice-to");
        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        count.setId("invoice-count");

        grid.addColumn(r -> r.number() == null ? "(draft)" : r.number()).setHeader("Number").setAutoWidth(true);
        grid.addColumn(r -> Ui.date(r.invoiceDate())).setHeader("Date").setAutoWidth(true);
        grid.addColumn(InvoiceListing.Row::customer).setHeader("Customer").setFlexGrow(1);
        grid.addComponentColumn(r -> Ui.badge(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> Ui.money(r.total(), r.currency())).setHeader("Total").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> Ui.money(r.amountDue(), r.currency())).setHeader("Due")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> Ui.date(r.dueDate())).setHeader("Due date").setAutoWidth(true);
        grid.setItems(q -> pages.fetch(q.getOffset(), q.getLimit(),
                (after, skip, limit) -> finance.invoices(filter(), after, skip, limit)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, finance.countInvoices(filter())));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(InvoicePage.class,
                new com.vaadin.flow.router.RouteParameters("invoiceId", e.getItem().invoiceId().toString()))));
        grid.setId("invoices");
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(search, status, from, to, count);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Invoices"), filters, grid);
        updateCount();
    }

    private InvoiceListing.Filter filter() {
        try {
            return new InvoiceListing.Filter(search.getValue(), null, null, status.getValue(), from.getValue(),
                    to.getValue(), null, null);
        } catch (IllegalArgumentException e) {
            to.setInvalid(true);
            to.setErrorMessage(e.getMessage());
            return new InvoiceListing.Filter(search.getValue(), null, null, status.getValue(), from.getValue(), null,
                    null, null);
        }
    }

    private void refresh() {
        to.setInvalid(false);
        pages.reset();
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        long n = finance.countInvoices(filter());
        count.setText(n == 0 ? "No invoices match. Billing runs issue them: open Billing runs to start one."
                : NumberFormat.getIntegerInstance(getLocale()).format(n) + (n == 1 ? " invoice" : " invoices"));
    }
}
