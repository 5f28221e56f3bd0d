package org.ratebook.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.audit.AccountStateAsOf;
import org.ratebook.engine.audit.AuditEvent;
import org.ratebook.engine.audit.EventHistory;
import org.ratebook.engine.audit.TimelinePage;
import org.ratebook.tenants.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An account's history for auditors: every event in order with who caused it and the rule pack version that
 * decided it (filter by type and dates, open one for its full payload), and the account as it stood at the end of
 * two days, side by side, folded from those events. Nothing on this page changes anything.
 */
@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "Audit", order = 70)
@PageTitle("Audit · Ratebook")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.TENANT_ADMIN, Role.Names.ANALYST})
class AuditView extends VerticalLayout implements HasUrlParameter<String> {

    private static final int PAGE = 50;

    private final AuditService audit;
    private final ComboBox<Map.Entry<String, String>> account = new ComboBox<>("Customer");
    private final ComboBox<String> type = new ComboBox<>("Event type");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditEvent> grid = new Grid<>();
    private final List<AuditEvent> shown = new ArrayList<>();
    private final Span count = new Span();
    private final Button more = new Button("Show more");
    private final Div payload = new Div();
    private final DatePicker asOfA = new DatePicker("State as of");
    private final DatePicker asOfB = new DatePicker("Compare with");
    private final HorizontalLayout states = new HorizontalLayout();
    private Long next;
    private com.vaadin.flow.component.Component bundleLink;

    AuditView(AuditService audit) {
        this.audit = audit;
        List<Map.Entry<String, String>> accounts = audit.accounts();
        account.setItems(accounts);
        account.setItemLabelGenerator(Map.Entry::getValue);
        account.setWidth("22em");
        account.setId("audit-account");
        account.addValueChangeListener(e -> reload());

        type.setItems(new TreeSet<>(EventHistory.ACCOUNT_TYPES));
        type.setClearButtonVisible(true);
        type.setPlaceholder("All events");
        type.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        grid.addColumn(AuditEvent::businessDate).setHeader("Date").setWidth("8em").setFlexGrow(0);
        grid.addColumn(AuditEvent::summary).setHeader("What happened").setFlexGrow(4);
        grid.addColumn(AuditEvent::who).setHeader("Who").setWidth("9em").setFlexGrow(0);
        grid.addColumn(e -> e.packVersion() == null ? "" : "v" + e.packVersion()).setHeader("Rule pack")
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(AuditEvent::type).setHeader("Event").setFlexGrow(1);
        grid.setId("audit-timeline");
        grid.setHeight("24em");
        grid.asSingleSelect().addValueChangeListener(e -> showPayload(e.getValue()));
        more.addClickListener(e -> page());
        more.setId("audit-more");
        payload.setId("audit-payload");
        payload.setWidthFull();

        LocalDate today = audit.today();
        asOfA.setValue(today.minusMonths(1));
        asOfB.setValue(today);
        asOfA.setId("audit-as-of");
        asOfB.setId("audit-compare");
        asOfA.addValueChangeListener(e -> showStates());
        asOfB.addValueChangeListener(e -> showStates());
        asOfB.setClearButtonVisible(true);
        states.setWidthFull();
        states.setId("audit-states");

        com.vaadin.flow.component.html.Anchor bundle = new com.vaadin.flow.component.html.Anchor(
                com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                    byte[] zip = audit.bundle(UUID.fromString(account.getValue().getKey()), from.getValue(),
                            to.getValue());
                    return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(zip),
                            "audit-" + account.getValue().getKey() + ".zip", "application/zip", zip.length);
                }), "Download audit bundle (events, pack versions, invoices; the From/To dates choose the period)");
        bundle.setId("audit-bundle");
        bundleLink = bundle;
        HorizontalLayout filters = new HorizontalLayout(account, type, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit"), new com.vaadin.flow.component.html.Anchor("audit/self-check",
                "Self-check: re-derive every invoice"), new Paragraph("Pick a customer to read its history, event by event, and what was true "
                + "on any day. Dates are billing dates; \"who\" is unknown where the event does not say."), filters,
                bundle, new H3("Timeline"), count, grid, more, payload,
                new H3("State as of a day"), new Paragraph("Folded from the events up to the end of each day, not "
                        + "read from today's tables."), new HorizontalLayout(asOfA, asOfB), states);
        if (accounts.isEmpty()) {
            add(new Paragraph("No customers yet: the timeline fills as soon as a customer is created."));
        }
        reload();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String accountId) {
        if (accountId == null) {
            return;
        }
        audit.accounts().stream().filter(a -> a.getKey().equals(accountId)).findFirst().ifPresent(account::setValue);
    }

    private void reload() {
        shown.clear();
        next = null;
        payload.removeAll();
        if (account.getValue() == null) {
            grid.setItems(List.of());
            count.setText("Choose a customer.");
            more.setVisible(false);
            states.removeAll();
            bundleLink.setVisible(false);
            return;
        }
        bundleLink.setVisible(true);
        page();
        showStates();
    }

    private void page() {
        TimelinePage page = audit.timeline(UUID.fromString(account.getValue().getKey()),
                type.getValue() == null ? Set.of() : Set.of(type.getValue()), from.getValue(), to.getValue(), next,
                PAGE);
        shown.addAll(page.entries());
        next = page.next();
        grid.setItems(shown);
        count.setText(page.total() + " event(s)" + (page.total() > shown.size() ? ", " + shown.size() + " shown" : ""));
        more.setVisible(next != null);
    }

    private void showPayload(AuditEvent e) {
        payload.removeAll();
        if (e == null) {
            return;
        }
        AuditEvent full = audit.event(UUID.fromString(account.getValue().getKey()), e.globalIndex());
        Pre json = new Pre(full.json().toPrettyString());
        json.getStyle().set("font-size", "var(--lumo-font-size-s)").set("max-height", "20em").set("overflow", "auto");
        Details details = new Details(e.type() + " · event " + e.globalIndex() + " · recorded " + e.recordedAt()
                + " · by " + e.who(), json, new Paragraph("Metadata: " + full.metadata()));
        details.setOpened(true);
        payload.add(details);
    }

    private void showStates() {
        states.removeAll();
        if (account.getValue() == null || asOfA.getValue() == null) {
            return;
        }
        UUID id = UUID.fromString(account.getValue().getKey());
        states.add(state(audit.stateAsOf(id, asOfA.getValue())));
        if (asOfB.getValue() != null) {
            states.add(state(audit.stateAsOf(id, asOfB.getValue())));
        }
    }

    private static Div state(AccountStateAsOf s) {
        Div box = new Div();
        box.addClassName("audit-state");
        box.getStyle().set("flex", "1").set("border", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.5em");
        box.add(new H3("As of " + s.asOf()));
        if (!s.existed()) {
            box.add(new Paragraph("The customer did not exist yet."));
            return box;
        }
        AccountStateAsOf.Details a = s.account();
        box.add(new Paragraph(a.name() + " · " + a.country() + " · " + a.currency()
                + (a.taxId() == null ? "" : " · tax id " + a.taxId()) + (a.business() ? " · business" : "")
                + (a.taxExempt() ? " · tax exempt" : "") + (a.segment() == null ? "" : " · segment " + a.segment())
                + (a.parentAccountId() == null ? "" : " · parent " + a.parentAccountId()
                + (a.invoicesGoToParent() ? " (receives the invoices)" : ""))));
        box.add(new Paragraph("Dunning state: " + s.dunningState()));
        for (AccountStateAsOf.Subscription sub : s.subscriptions()) {
            box.add(new Paragraph("Subscription: " + sub.plan() + " (" + sub.phase() + ") × " + sub.quantity()
                    + " · " + sub.status() + " · since " + sub.startDate()
                    + (sub.endsOn() == null ? "" : " · ended " + sub.endsOn())));
        }
        for (AccountStateAsOf.Balance b : s.balances()) {
            box.add(new Paragraph("Balance " + b.currency() + ": open invoices " + b.openInvoices().toPlainString()
                    + ", credit " + b.credit().toPlainString() + ", balance " + b.balance().toPlainString()));
        }
        if (s.openInvoices().isEmpty()) {
            box.add(new Paragraph("No open invoices."));
        }
        for (AccountStateAsOf.OpenInvoice i : s.openInvoices()) {
            box.add(new Paragraph("Open: " + i.number() + " of " + i.invoiceDate() + ", due " + i.dueDate() + ": "
                    + i.due().toPlainString() + " " + i.currency() + " of " + i.total().toPlainString()));
        }
        box.add(new Span(s.eventsFolded() + " event(s) folded"));
        return box;
    }
}
