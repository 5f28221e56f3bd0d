package org.ratebook.console.pricing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.tenants.Role;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** Every version of the seller's rule pack: its state, who saved and approved it, from when it prices, what changed. */
@Route(value = "pricing", layout = MainLayout.class)
@Menu(title = "Pricing", order = 40)
@PageTitle("Pricing · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
class RulePacksView extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.of("UTC"));

    RulePacksView(PricingService pricing) {
        List<PricingService.VersionRow> rows = pricing.versions();
        Grid<PricingService.VersionRow> grid = new Grid<>();
        grid.setId("rule-pack-versions");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> "v" + r.view().version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0)
                .setComparator(r -> r.view().version());
        grid.addComponentColumn(r -> badge(r.view())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.view().author()).setHeader("Saved by").setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> r.view().approvedBy() == null ? "" : r.view().approvedBy()).setHeader("Approved by")
                .setAutoWidth(true);
        grid.addColumn(r -> r.view().effectiveFrom() == null ? "" : DAY.format(r.view().effectiveFrom()))
                .setHeader("Prices from").setAutoWidth(true);
        grid.addColumn(r -> r.view().savedAt() == null ? "" : WHEN.format(r.view().savedAt())).setHeader("Saved")
                .setAutoWidth(true);
        grid.addColumn(r -> r.view().testSummary() == null ? "not tested" : r.view().testSummary())
                .setHeader("Tested").setFlexGrow(1);
        grid.addColumn(PricingService.VersionRow::changes).setHeader("What changed").setFlexGrow(2);
        grid.setItems(rows);
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(RulePackView.class,
                new com.vaadin.flow.router.RouteParameters("version", Integer.toString(e.getItem().view().version())))));
        grid.setAllRowsVisible(rows.size() <= 15);

        add(new H2("Pricing"), new Paragraph(rows.size() + " version" + (rows.size() == 1 ? "" : "s")
                + " of your rule pack, newest first. Open one to see its prices, rules and scenarios, compare it with "
                + "another, run a what-if, or approve and publish it."));
        if (PricingService.mayEdit()) {
            Button draft = new Button("New draft from the version in effect", e -> {
                try {
                    int v = pricing.draftFrom(pricing.versions().stream()
                            .filter(r -> "PUBLISHED".equals(r.view().status()))
                            .filter(r -> r.view().effectiveFrom() == null || !r.view().effectiveFrom().isAfter(pricing.today()))
                            .map(r -> r.view().version()).findFirst().orElse(rows.getLast().view().version()));
                    Notification.show("Version " + v + " is a new draft for you to edit");
                    getUI().ifPresent(ui -> ui.navigate(RulePackView.class,
                            new com.vaadin.flow.router.RouteParameters("version", Integer.toString(v))));
                } catch (PricingService.Refused ex) {
                    Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            draft.setId("new-draft");
            add(draft);
        }
        add(rows.isEmpty() ? new Paragraph("No rule pack yet — ask your operator to import one.") : grid);
        setSizeFull();
    }

    static Span badge(RulePackVersionView v) {
        String word = switch (v.status()) {
            case "PUBLISHED" -> "published";
            case "APPROVED" -> "approved";
            case "DRAFT" -> "draft";
            default -> v.status().toLowerCase();
        };
        Span badge = new Span(word);
        String colour = switch (v.status()) {
            case "PUBLISHED" -> "var(--lumo-success-color-10pct)";
            case "APPROVED" -> "var(--lumo-primary-color-10pct)";
            default -> "var(--lumo-contrast-10pct)";
        };
        badge.getStyle().set("background", colour).set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "0.1em 0.6em").set("font-size", "var(--lumo-font-size-s)");
        badge.addClassName("status-" + word);
        return badge;
    }
}
