package org.ratebook.console.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.finance.FinanceActions;
import org.ratebook.console.finance.Ui;
import org.ratebook.console.invoices.InvoicePage;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.money.MoneyFormat;
import org.ratebook.tenants.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts billing for a date or as a dry run, shows it progressing account by account, then its result (invoices,
 * totals per currency, each account's problem); below, the history of runs. A sandbox tenant also advances its
 * test clock here. The run goes on in the background when the page is left; coming back shows it.
 */
@Route(value = "billing-runs", layout = MainLayout.class)
@Menu(title = "Billing runs", order = 50)
@PageTitle("Billing runs · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
class BillingRunsView extends VerticalLayout {

    private final BackgroundBillingRuns runs;
    private final FinanceActions finance;
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div result = new Div();
    private final Grid<BackgroundBillingRuns.Run> history = new Grid<>();
    private UUID watching;
    private com.vaadin.flow.shared.Registration polling;

    BillingRunsView(BackgroundBillingRuns runs, FinanceActions finance) {
        this.runs = runs;
        this.finance = finance;
        add(new H2("Billing runs"));
        if (finance.mayAct()) {
            DatePicker date = new DatePicker("Bill what is due on");
            date.setMax(finance.today());
            date.setHelperText("Empty: what is due now, each customer on its own calendar day");
            date.setId("run-date");
            Checkbox dry = new Checkbox("Dry run (show what would be invoiced, record nothing)");
            dry.setId("run-dry");
            Button start = new Button("Start billing run", e -> {
                date.setInvalid(false);
                try {
                    watching = runs.start(date.getValue(), dry.getValue());
                    Ui.done((dry.getValue() ? "Dry run" : "Billing run") + " started");
                    refresh();
                } catch (RuntimeException ex) {
                    date.setInvalid(true);
                    date.setErrorMessage(Ui.reason(ex));
                }
            });
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setId("start-run");
            HorizontalLayout form = new HorizontalLayout(date, dry, start);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(form);
        }
        progress.setId("run-progress");
        progress.setWidth("30em");
        progressText.setId("run-progress-text");
        result.setId("run-result");
        add(new HorizontalLayout(progress, progressText), result);
        testClock();

        history.addColumn(r -> Ui.format().date(LocalDate.ofInstant(r.startedAt(), ZoneOffset.UTC))
                + " " + r.startedAt().atZone(ZoneOffset.UTC).toLocalTime().withNano(0) + " UTC").setHeader("Started")
                .setAutoWidth(true);
        history.addColumn(BackgroundBillingRuns.Run::startedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(r -> (r.dryRun() ? "dry run, " : "") + (r.targetDate() == null ? "due now"
                : "for " + Ui.date(r.targetDate()))).setHeader("What").setAutoWidth(true);
        history.addComponentColumn(r -> Ui.badge(r.state())).setHeader("State").setAutoWidth(true);
        history.addColumn(r -> r.accountsDone()).setHeader("Accounts").setTextAlign(ColumnTextAlign.END);
        history.addColumn(r -> r.invoices()).setHeader("Invoices").setTextAlign(ColumnTextAlign.END);
        history.addColumn(r -> totals(r.totals(), Ui.format())).setHeader("Totals").setFlexGrow(1);
        history.addColumn(r -> r.problems().size()).setHeader("Problems").setTextAlign(ColumnTextAlign.END);
        history.addItemClickListener(e -> {
            watching = e.getItem().runId();
            refresh();
        });
        history.setAllRowsVisible(true);
        history.setId("run-history");
        add(new H3("History"), history);
        BackgroundBillingRuns.Run latest = runs.history(1).stream().findFirst().orElse(null);
        watching = latest == null ? null : latest.runId();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(500);
        polling = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private void refresh() {
        Optional<BackgroundBillingRuns.Run> run = watching == null ? Optional.empty() : runs.find(watching);
        history.setItems(runs.history(20));
        result.removeAll();
        if (run.isEmpty()) {
            progress.setVisible(false);
            progressText.setText("No billing run yet. Choose a date (or none) and start one.");
            return;
        }
        BackgroundBillingRuns.Run r = run.get();
        progress.setVisible(true);
        progress.setValue(Math.min(1, r.progress()));
        progressText.setText((r.running() ? "Running: " : r.state().equals("FAILED") ? "Failed after " : "Finished: ")
                + r.accountsDone() + " of " + r.accountsTotal() + " accounts" + (r.dryRun() ? " (dry run)" : ""));
        if (r.running()) {
            return;
        }
        MoneyFormat f = Ui.format();
        result.add(new Paragraph((r.dryRun() ? "Would issue " : "Issued ") + r.invoices()
                + (r.invoices() == 1 ? " invoice" : " invoices")
                + (r.totals().isEmpty() ? "." : ", totalling " + totals(r.totals(), f) + ".")));
        if (!r.issued().isEmpty()) {
            Div links = new Div();
            links.setId("run-invoices");
            r.issued().stream().limit(50).forEach(id -> finance.invoice(id).ifPresent(i -> {
                RouterLink link = new RouterLink(i.number() == null ? "draft" : i.number(), InvoicePage.class,
                        new RouteParameters("invoiceId", id.toString()));
                link.getStyle().set("margin-right", "var(--lumo-space-m)");
                links.add(link);
            }));
            result.add(links);
        }
        if (r.problems().isEmpty()) {
            result.add(new Paragraph("No problems."));
        } else {
            Div problems = new Div(new Span("Problems, by account (fix the cause, then start the run again: "
                    + "what was invoiced is not invoiced twice):"));
            problems.setId("run-problems");
            r.problems().forEach(p -> problems.add(new Div(new Span("• " + p))));
            result.add(problems);
        }
    }

    private static String totals(Map<String, BigDecimal> totals, MoneyFormat f) {
        return totals.entrySet().stream().map(e -> f.money(e.getValue(), e.getKey())).collect(Collectors.joining(", "));
    }

    private void testClock() {
        Optional<java.time.Instant> now = runs.testClock();
        if (now.isEmpty()) {
            return;
        }
        Div clock = new Div(new H3("Test clock (sandbox)"));
        clock.setId("test-clock");
        Span at = new Span("The sandbox's clock stands at " + Ui.date(LocalDate.ofInstant(now.get(), ZoneOffset.UTC))
                + ". Advancing it bills every period due on the way and follows dunning day by day.");
        clock.add(new Paragraph(at));
        if (finance.mayAct()) {
            DatePicker to = new DatePicker("Advance to");
            to.setMin(LocalDate.ofInstant(now.get(), ZoneOffset.UTC).plusDays(1));
            to.setId("clock-to");
            ProgressBar busy = new ProgressBar();
            busy.setIndeterminate(true);
            busy.setVisible(false);
            Button advance = new Button("Advance clock");
            advance.setId("advance-clock");
            advance.addClickListener(e -> {
                if (to.getValue() == null) {
                    to.setInvalid(true);
                    to.setErrorMessage("Choose a day after today");
                    return;
                }
                try {
                    TestClocks.Advanced advanced = runs.advanceClock(to.getValue());
                    Ui.done("Clock advanced to " + Ui.date(to.getValue()) + "; " + advanced.billing().issued().size()
                            + " invoice(s) issued on the way");
                    getUI().ifPresent(ui -> ui.getPage().reload());
                } catch (RuntimeException ex) {
                    to.setInvalid(true);
                    to.setErrorMessage(Ui.reason(ex));
                }
            });
            HorizontalLayout h = new HorizontalLayout(to, advance, busy);
            h.setAlignItems(FlexComponent.Alignment.BASELINE);
            clock.add(h);
        }
        add(clock);
    }
}
