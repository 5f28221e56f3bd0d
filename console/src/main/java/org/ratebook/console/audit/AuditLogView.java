package org.ratebook.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.security.CurrentTenant;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantId;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The auditor's view of who did what: filter by person or key, action, target and dates; newest first, paged
 * in the database; the same selection as CSV.
 */
@Route(value = "audit-log", layout = MainLayout.class)
@Menu(title = "Audit log", order = 80)
@PageTitle("Audit log · Ratebook")
@RolesAllowed({Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
class AuditLogView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TextField actor = new TextField("Who");
    private final TextField action = new TextField("What");
    private final TextField target = new TextField("Target id");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (including)");
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditLogView(AuditLog audit, CurrentTenant current) {
        AuditReaders.require();
        TenantId tenant = current.require();
        actor.setPlaceholder("user name or key label");
        action.setPlaceholder("e.g. CreateAccount, LoginFailed");
        actor.setId("audit-actor");
        action.setId("audit-action");
        target.setId("audit-target");
        Button apply = new Button("Apply filters", e -> grid.getDataProvider().refreshAll());
        apply.setId("audit-apply");
        HorizontalLayout filters = new HorizontalLayout(actor, action, target, from, to, apply);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.actorKind().equals(Actor.API_KEY) ? "API key" : e.actorKind().equals(Actor.USER)
                ? "person" : "system").setHeader("As").setAutoWidth(true);
        grid.addColumn(AuditEntry::clientAddress).setHeader("From address").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(e -> e.outcome().equals(AuditLog.OK) ? "done" : "refused").setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        grid.setId("audit-log");
        grid.setItems(DataProvider.fromCallbacks(
                query -> {
                    AuditReaders.require();
                    return audit.slice(tenant, filter(), query.getOffset(), query.getLimit()).stream();
                },
                query -> {
                    AuditReaders.require();
                    return audit.count(tenant, filter());
                }));

        DownloadHandler csv = event -> {
            AuditReaders.require();
            event.setFileName("audit-log-" + tenant + ".csv");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            AuditCsv.write(out, sink -> audit.export(tenant, filter(), sink));
            out.flush();
        };
        Anchor download = new Anchor(csv, "Download these entries as CSV");
        download.setId("audit-csv");

        add(new H2("Audit log"), new Paragraph("Every change to this tenant's billing, every sign-in and every "
                + "settings change: who did it, when, from which address, and whether it was done or refused. "
                + "Filters combine; leave them empty to see everything."), filters, download, grid);
        setSizeFull();
    }

    private AuditLog.Filter filter() {
        return new AuditLog.Filter(actor.getValue(), action.getValue(), target.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                null);
    }
}
