package org.ratebook.console.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.customers.AccountPage;
import org.ratebook.console.finance.FinanceAccess;
import org.ratebook.console.finance.FinanceActions;
import org.ratebook.console.finance.Ui;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.metrics.FinanceMetrics;
import org.ratebook.engine.rating.UsageSpikes;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.rules.money.MoneyFormat;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantId;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The landing page: MRR and its movement by month, revenue by customer and by product, receivables by age,
 * overdue accounts, usage spikes and recent pack publications. Each chart is SVG drawn on the server, with its
 * numbers in a table beneath and a CSV download; the same figures are at {@code /api/v1/metrics/...}.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "Dashboard", order = 10)
@PageTitle("Dashboard · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN, Role.Names.APPROVER})
class DashboardView extends VerticalLayout {

    private final MoneyFormat f = Ui.format();

    DashboardView(FinanceAccess access, FinanceActions finance, FinanceMetrics metrics, UsageSpikes spikes,
                  RulePackVersionsProjection packs) {
        TenantId tenant = access.reader();
        LocalDate today = finance.today();
        add(new H2("Dashboard"), new Paragraph("As of " + f.date(today) + ". Amounts before tax, per currency."));

        FinanceMetrics.Dashboard figures = metrics.dashboard(tenant, today);
        add(mrr(figures.mrr()));
        add(revenue("revenue-by-customer", "Revenue by customer, last 12 months", "Customer",
                figures.revenueByCustomer()));
        add(revenue("revenue-by-product", "Revenue by product, last 12 months", "Product", figures.revenueByProduct()));
        add(receivables(figures.receivables()));
        add(overdue(figures.overdueAccounts()));
        add(spikes(spikes.latest(tenant, 10)));
        add(publications(packs.versions(tenant)));
    }

    private static Div section(String id, String title) {
        Div d = new Div(new H3(title));
        d.setId(id);
        d.addClassName("dashboard-section");
        d.setWidthFull();
        return d;
    }

    private static Component chart(String svg) {
        Div d = new Div(new Html(svg));
        d.addClassName("chart");
        d.getStyle().set("max-width", "100%").set("overflow-x", "auto");
        return d;
    }

    private static Anchor csv(String file, List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(r -> csv.append(r.stream().map(DashboardView::cell).collect(Collectors.joining(",")))
                .append("\r\n"));
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(bytes), file, "text/csv", bytes.length)), "Download CSV");
        a.addClassName("csv");
        return a;
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static <T> Details table(List<T> rows, Map<String, Function<T, String>> columns, String id) {
        Grid<T> grid = new Grid<>();
        columns.forEach((header, value) -> {
            var col = grid.addColumn(value::apply).setHeader(header).setAutoWidth(true);
            if (header.startsWith("Amount") || header.equals("MRR") || header.matches("New|Expansion|Contraction|"
                    + "Churn|Reactivation|Net|Overdue|Invoices|Accounts")) {
                col.setTextAlign(ColumnTextAlign.END);
            }
        });
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setId(id);
        Details details = new Details("The numbers", grid);
        details.setWidthFull();
        return details;
    }

    private String month(java.time.YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, f.locale()) + " " + String.valueOf(m.getYear()).substring(2);
    }

    private Component mrr(List<FinanceMetrics.MrrMonth> rows) {
        Div s = section("mrr", "MRR and its movement");
        if (rows.isEmpty()) {
            s.add(new Paragraph("No recurring revenue yet: invoices with plan charges make MRR. Run billing from "
                    + "Billing runs."));
            return s;
        }
        for (String currency : rows.stream().map(FinanceMetrics.MrrMonth::currency).distinct().toList()) {
            List<FinanceMetrics.MrrMonth> r = rows.stream().filter(m -> m.currency().equals(currency)).toList();
            List<String> months = r.stream().map(m -> month(m.month())).toList();
            s.add(chart(SvgCharts.bars("MRR (" + currency + ")", months,
                    Map.of("MRR", r.stream().map(FinanceMetrics.MrrMonth::mrr).toList()), false, false, 900, 260)));
            Map<String, List<BigDecimal>> movement = new LinkedHashMap<>();
            movement.put("New", r.stream().map(FinanceMetrics.MrrMonth::newMrr).toList());
            movement.put("Expansion", r.stream().map(FinanceMetrics.MrrMonth::expansion).toList());
            movement.put("Reactivation", r.stream().map(FinanceMetrics.MrrMonth::reactivation).toList());
            movement.put("Contraction", r.stream().map(m -> m.contraction().negate()).toList());
            movement.put("Churn", r.stream().map(m -> m.churn().negate()).toList());
            s.add(chart(SvgCharts.bars("Movement (" + currency + ")", months, movement, false, true, 900, 260)));
        }
        Map<String, Function<FinanceMetrics.MrrMonth, String>> cols = new LinkedHashMap<>();
        cols.put("Month", m -> month(m.month()));
        cols.put("MRR", m -> f.money(m.mrr(), m.currency()));
        cols.put("New", m -> f.money(m.newMrr(), m.currency()));
        cols.put("Expansion", m -> f.money(m.expansion(), m.currency()));
        cols.put("Contraction", m -> f.money(m.contraction(), m.currency()));
        cols.put("Churn", m -> f.money(m.churn(), m.currency()));
        cols.put("Reactivation", m -> f.money(m.reactivation(), m.currency()));
        cols.put("Accounts", m -> String.valueOf(m.accounts()));
        s.add(table(rows, cols, "mrr-table"), csv("mrr.csv", List.of("month", "currency", "mrr", "new", "expansion",
                "contraction", "churn", "reactivation", "accounts"), rows.stream().map(m -> List.of(
                m.month().toString(), m.currency(), m.mrr().toPlainString(), m.newMrr().toPlainString(),
                m.expansion().toPlainString(), m.contraction().toPlainString(), m.churn().toPlainString(),
                m.reactivation().toPlainString(), String.valueOf(m.accounts()))).toList()));
        return s;
    }

    private Component revenue(String id, String title, String what, List<FinanceMetrics.Revenue> rows) {
        Div s = section(id, title);
        if (rows.isEmpty()) {
            s.add(new Paragraph("No invoiced revenue in the last 12 months yet."));
            return s;
        }
        for (String currency : rows.stream().map(FinanceMetrics.Revenue::currency).distinct().toList()) {
            List<FinanceMetrics.Revenue> r = rows.stream().filter(x -> x.currency().equals(currency)).toList();
            s.add(chart(SvgCharts.bars("Net revenue (" + currency + ")", r.stream().map(FinanceMetrics.Revenue::label)
                            .toList(), Map.of("Revenue", r.stream().map(FinanceMetrics.Revenue::net).toList()), true,
                    false, 900, 40 + 28 * r.size())));
        }
        Map<String, Function<FinanceMetrics.Revenue, String>> cols = new LinkedHashMap<>();
        cols.put(what, FinanceMetrics.Revenue::label);
        cols.put("Net", r -> f.money(r.net(), r.currency()));
        cols.put("Invoices", r -> String.valueOf(r.invoices()));
        s.add(table(rows, cols, id + "-table"), csv(id + ".csv", List.of(what.toLowerCase(), "currency", "net",
                "invoices"), rows.stream().map(r -> List.of(r.label(), r.currency(), r.net().toPlainString(),
                String.valueOf(r.invoices()))).toList()));
        return s;
    }

    private Component receivables(List<FinanceMetrics.AgeBucket> rows) {
        Div s = section("receivables", "Receivables by age");
        if (rows.isEmpty()) {
            s.add(new Paragraph("Nothing outstanding: every finalized invoice is paid."));
            return s;
        }
        for (String currency : rows.stream().map(FinanceMetrics.AgeBucket::currency).distinct().toList()) {
            List<FinanceMetrics.AgeBucket> r = rows.stream().filter(x -> x.currency().equals(currency)).toList();
            s.add(chart(SvgCharts.bars("Open (" + currency + ")", r.stream().map(FinanceMetrics.AgeBucket::bucket)
                    .toList(), Map.of("Open", r.stream().map(FinanceMetrics.AgeBucket::amount).toList()), false,
                    false, 900, 240)));
        }
        Map<String, Function<FinanceMetrics.AgeBucket, String>> cols = new LinkedHashMap<>();
        cols.put("Age", FinanceMetrics.AgeBucket::bucket);
        cols.put("Amount open", b -> f.money(b.amount(), b.currency()));
        cols.put("Invoices", b -> String.valueOf(b.invoices()));
        s.add(table(rows, cols, "receivables-table"), csv("receivables.csv", List.of("age", "currency", "amount",
                "invoices"), rows.stream().map(b -> List.of(b.bucket(), b.currency(), b.amount().toPlainString(),
                String.valueOf(b.invoices()))).toList()));
        return s;
    }

    private Component overdue(List<FinanceMetrics.Overdue> rows) {
        Div s = section("overdue", "Overdue accounts");
        if (rows.isEmpty()) {
            s.add(new Paragraph("No account is overdue."));
            return s;
        }
        Grid<FinanceMetrics.Overdue> grid = new Grid<>();
        grid.addComponentColumn(o -> new RouterLink(o.name(), AccountPage.class,
                new RouteParameters("accountId", o.accountId().toString()))).setHeader("Customer").setFlexGrow(1);
        grid.addColumn(o -> f.money(o.overdue(), o.currency())).setHeader("Overdue").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(o -> f.date(o.oldestDue())).setHeader("Oldest due");
        grid.addColumn(FinanceMetrics.Overdue::daysPastDue).setHeader("Days past due");
        grid.addComponentColumn(o -> Ui.badge(o.dunningState())).setHeader("Dunning");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setId("overdue-table");
        s.add(grid, csv("overdue-accounts.csv", List.of("customer", "currency", "overdue", "oldest_due",
                "days_past_due", "dunning_state"), rows.stream().map(o -> List.of(o.name(), o.currency(),
                o.overdue().toPlainString(), o.oldestDue().toString(), String.valueOf(o.daysPastDue()),
                o.dunningState())).toList()));
        return s;
    }

    private Component spikes(List<UsageSpikes.Spike> rows) {
        Div s = section("usage-spikes-summary", "Usage spikes");
        if (rows.isEmpty()) {
            s.add(new Paragraph("No usage flagged as unusual by the rule pack."));
            return s;
        }
        Grid<UsageSpikes.Spike> grid = new Grid<>();
        grid.addColumn(x -> f.date(x.flaggedOn())).setHeader("Flagged");
        grid.addColumn(UsageSpikes.Spike::meter).setHeader("Meter");
        grid.addColumn(x -> f.period(x.from(), x.to())).setHeader("Period");
        grid.addColumn(x -> f.number(x.quantity())).setHeader("Quantity").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(UsageSpikes.Spike::reason).setHeader("Why").setFlexGrow(1);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        s.add(grid);
        return s;
    }

    private Component publications(List<RulePackVersionView> versions) {
        Div s = section("pack-publications", "Recent rule-pack publications");
        List<RulePackVersionView> published = new ArrayList<>(versions.stream()
                .filter(v -> v.effectiveFrom() != null).toList());
        published.sort(Comparator.comparing(RulePackVersionView::version).reversed());
        if (published.isEmpty()) {
            s.add(new Paragraph("No rule pack published yet."));
            return s;
        }
        Grid<RulePackVersionView> grid = new Grid<>();
        grid.addColumn(v -> v.name() + " v" + v.version()).setHeader("Pack");
        grid.addColumn(RulePackVersionView::status).setHeader("Status");
        grid.addColumn(v -> f.date(v.effectiveFrom())).setHeader("In effect from");
        grid.addColumn(RulePackVersionView::author).setHeader("Saved by");
        grid.addColumn(RulePackVersionView::approvedBy).setHeader("Approved by");
        grid.setItems(published.stream().limit(5).toList());
        grid.setAllRowsVisible(true);
        s.add(grid);
        return s;
    }
}
