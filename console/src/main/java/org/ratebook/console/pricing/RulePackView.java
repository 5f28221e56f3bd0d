package org.ratebook.console.pricing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.billing.ClosedPeriodRepricing.AccountRepricing;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.rules.pack.TaxRounding;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.DayCount;
import org.ratebook.tenants.Role;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One version of the rule pack, for a finance analyst: its tables as editable grids, its settings as a form, its
 * rules in an editor with line numbers, the seller's scenarios, a what-if over a closed period, a comparison with
 * any other version, and the steps that take it live. Every edit stays in this page until "Save as new draft",
 * which saves all of it as the next version or nothing.
 */
@Route(value = "pricing/:version", layout = MainLayout.class)
@PageTitle("Rule pack version · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.APPROVER, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
class RulePackView extends VerticalLayout implements BeforeEnterObserver {

    /** Business names of the tables, in the order an analyst meets them. */
    static final Map<String, String> TABLE_NAMES = new LinkedHashMap<>();

    static {
        TABLE_NAMES.put("catalog/plans.csv", "Plans and prices");
        TABLE_NAMES.put("catalog/usage_charges.csv", "Usage charges");
        TABLE_NAMES.put("catalog/usage_tiers.csv", "Usage tiers");
        TABLE_NAMES.put("tax/rates.csv", "Tax rates");
        TABLE_NAMES.put("discount/coupons.csv", "Coupons");
        TABLE_NAMES.put("discount/promotions.csv", "Promotions");
        TABLE_NAMES.put("discount/volume.csv", "Volume discounts");
        TABLE_NAMES.put("discount/bundles.csv", "Bundle discounts");
        TABLE_NAMES.put("dunning/thresholds.csv", "Dunning thresholds");
    }

    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final PricingService pricing;
    private final WhatIfRuns whatIfs;
    private int version;
    private RulePackVersionView view;
    private final Map<String, String> working = new TreeMap<>();
    private final Map<String, PackTable> tables = new TreeMap<>();
    private final Div message = new Div();
    private boolean dirty;

    /** Refreshes the what-if tab of the version shown; replaced each time the page is built. */
    private Runnable whatIfRefresh = () -> { };

    RulePackView(PricingService pricing, WhatIfRuns whatIfs) {
        this.pricing = pricing;
        this.whatIfs = whatIfs;
        setWidthFull();
        // one poll listener for the page's life: the instance is reused when another version is opened
        addAttachListener(a -> {
            com.vaadin.flow.shared.Registration poll = a.getUI().addPollListener(p -> whatIfRefresh.run());
            addDetachListener(d -> {
                poll.remove();
                d.getUI().setPollInterval(-1);
                d.unregisterListener();
            });
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<RulePackVersionView> found = event.getRouteParameters().get("version").flatMap(v -> {
            try {
                return pricing.version(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        if (found.isEmpty()) {
            event.forwardTo(RulePacksView.class);
            return;
        }
        load(found.get());
    }

    private void load(RulePackVersionView found) {
        view = found;
        version = view.version();
        working.clear();
        working.putAll(pricing.files(version));
        tables.clear();
        working.forEach((path, text) -> {
            if (PackTable.isTable(path)) {
                tables.put(path, PackTable.parse(path, text));
            }
        });
        dirty = false;
        build();
    }

    private void build() {
        removeAll();
        message.setId("pack-message");
        message.getStyle().set("white-space", "pre-line");
        H2 title = new H2("Version " + version + " of " + view.name());
        HorizontalLayout head = new HorizontalLayout(title, RulePacksView.badge(view));
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        StringBuilder who = new StringBuilder("Saved by " + view.author());
        if (view.savedAt() != null) {
            who.append(" on ").append(RulePacksView.WHEN.format(view.savedAt()));
        }
        if (view.approvedBy() != null) {
            who.append(" · approved by ").append(view.approvedBy());
        }
        if (view.effectiveFrom() != null) {
            who.append(" · prices from ").append(LONG_DAY.format(view.effectiveFrom()));
        }
        add(new RouterLink("← All versions", RulePacksView.class), head, new Paragraph(who.toString()));
        if (PricingService.mayEdit()) {
            add(new Paragraph(("DRAFT".equals(view.status()) ? "" : "This version is " + view.status().toLowerCase()
                    + " and never changes. ") + "Edit any tab, then \"Save as new draft\": everything you changed "
                    + "is checked and saved together as the next version, or nothing is saved."));
        }

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("Tables", tablesTab());
        tabs.add("Settings", settingsTab());
        tabs.add("Rules", rulesTab());
        tabs.add("Scenarios", scenariosTab());
        tabs.add("What-if", whatIfTab());
        tabs.add("Compare", compareTab());
        VerticalLayout lifecycle = new VerticalLayout();
        lifecycle.setPadding(false);
        com.vaadin.flow.component.tabs.Tab lifecycleTab = tabs.add("Approve and publish", lifecycle);
        fillLifecycle(lifecycle);
        // what the approver reviews is read when the tab is opened: scenarios and what-if may have changed since
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == lifecycleTab) {
                fillLifecycle(lifecycle);
            }
        });
        tabs.setId("pack-tabs");
        add(tabs);

        if (PricingService.mayEdit()) {
            Button save = new Button("Save as new draft", e -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("save-draft");
            Button discard = new Button("Discard my changes", e -> UI.getCurrent().getPage().reload());
            add(new HorizontalLayout(save, discard));
        }
        add(message);
    }

    // ---- feedback

    private void ok(String text) {
        message.removeAll();
        message.getStyle().set("color", "var(--lumo-success-text-color)");
        message.setText(text);
        Notification.show(text, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refused(PricingService.Refused e) {
        message.removeAll();
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        StringBuilder text = new StringBuilder(e.getMessage());
        e.problems().forEach(p -> text.append("\n• ").append(p.describe()));
        message.setText(text.toString());
        Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Shows version {@code v}: the same page again with its new state, or another version's page. */
    private void goTo(int v) {
        if (v == version) {
            pricing.version(v).ifPresent(this::load);
        } else {
            UI.getCurrent().navigate(RulePackView.class, new RouteParameters("version", Integer.toString(v)));
        }
    }

    private Map<String, String> edited() {
        Map<String, String> files = new TreeMap<>(working);
        tables.forEach((path, table) -> files.put(path, table.format()));
        return files;
    }

    private void save() {
        try {
            int saved = pricing.save(edited());
            ok("Saved as version " + saved + ", a draft by you. Someone else approves it.");
            goTo(saved);
        } catch (PricingService.Refused e) {
            refused(e);
            drlProblems.setItems(e.problems().stream().filter(p -> p.file() != null).toList());
        }
    }

    // ---- tables

    private Component tablesTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        if (tables.isEmpty()) {
            tab.add(new Paragraph("This pack has no tables."));
            return tab;
        }
        List<String> paths = new ArrayList<>(tables.keySet());
        paths.sort(Comparator.comparingInt(p -> {
            int i = new ArrayList<>(TABLE_NAMES.keySet()).indexOf(p);
            return i < 0 ? 99 : i;
        }));
        Select<String> which = new Select<>();
        which.setLabel("Table");
        which.setItems(paths);
        which.setItemLabelGenerator(p -> TABLE_NAMES.getOrDefault(p, p) + " (" + p + ")");
        which.setId("table-select");
        which.setWidth("24em");
        Div holder = new Div();
        holder.setWidthFull();
        which.addValueChangeListener(e -> {
            holder.removeAll();
            holder.add(tableEditor(tables.get(e.getValue())));
        });
        which.setValue(paths.getFirst());
        tab.add(which, holder);
        return tab;
    }

    private Component tableEditor(PackTable table) {
        boolean editable = PricingService.mayEdit();
        Grid<List<String>> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("table-grid");
        for (int i = 0; i < table.header.size(); i++) {
            int column = i;
            String name = table.header.get(i);
            grid.addComponentColumn(row -> {
                if (!editable) {
                    return new Span(row.get(column));
                }
                TextField cell = new TextField();
                cell.setValue(row.get(column));
                cell.setWidthFull();
                cell.setValueChangeMode(ValueChangeMode.ON_CHANGE);
                cell.setAriaLabel(name + " of " + row.getFirst());
                cell.addValueChangeListener(e -> {
                    row.set(column, e.getValue() == null ? "" : e.getValue().strip());
                    dirty = true;
                    Optional<String> problem = PackTable.checkCell(name, e.getValue(), column == 0);
                    cell.setInvalid(problem.isPresent());
                    cell.setErrorMessage(problem.orElse(null));
                });
                PackTable.checkCell(name, row.get(column), column == 0).ifPresent(p -> {
                    cell.setInvalid(true);
                    cell.setErrorMessage(p);
                });
                return cell;
            }).setHeader(name.replace('_', ' ')).setAutoWidth(true).setResizable(true);
        }
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        if (editable) {
            grid.addComponentColumn(row -> {
                Button remove = new Button("Remove", e -> {
                    table.rows.remove(row);
                    dirty = true;
                    grid.setItems(table.rows);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
            Button add = new Button("Add a row", e -> {
                table.rows.add(table.emptyRow());
                dirty = true;
                grid.setItems(table.rows);
            });
            add.setId("add-row");
            box.add(add);
        }
        grid.setItems(table.rows);
        grid.setAllRowsVisible(true);
        box.addComponentAsFirst(grid);
        if (!table.comments.isEmpty()) {
            box.add(new Details("Notes in this table", new Pre(String.join("\n", table.comments))));
        }
        return box;
    }

    // ---- settings

    private Component settingsTab() {
        Properties props = new Properties();
        try {
            props.load(new StringReader(working.getOrDefault("pack.properties", "")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean editable = PricingService.mayEdit();
        FormLayout form = new FormLayout();
        Select<String> dayCount = select("Day count for part periods", enumNames(DayCount.values()),
                props.getProperty("day_count", "ACTUAL"), "day_count", editable);
        dayCount.setHelperText("ACTUAL: days used out of the days in the period");
        Select<String> rounding = select("Rounding of amounts", List.of("HALF_UP", "HALF_EVEN", "UP", "DOWN",
                "CEILING", "FLOOR"), props.getProperty("rounding", "HALF_UP"), "rounding", editable);
        Select<String> alignment = select("Billing periods start on", enumNames(BillingAlignment.values()),
                props.getProperty("billing_alignment", BillingAlignment.DEFAULT.name()), "billing_alignment", editable);
        alignment.setHelperText("ACCOUNT: the account's billing day · SUBSCRIPTION: its start · CALENDAR: the 1st");
        Select<String> taxRounding = select("Tax rounding", enumNames(TaxRounding.values()),
                props.getProperty("tax_rounding", TaxRounding.values()[0].name()), "tax_rounding", editable);
        Checkbox includeTax = new Checkbox("Prices include tax",
                Boolean.parseBoolean(props.getProperty("prices_include_tax", "false")));
        includeTax.setReadOnly(!editable);
        includeTax.addValueChangeListener(e -> setProperty("prices_include_tax", e.getValue().toString()));
        form.add(dayCount, rounding, alignment, taxRounding, includeTax);
        return form;
    }

    private static List<String> enumNames(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private Select<String> select(String label, List<String> items, String value, String key, boolean editable) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(items);
        select.setValue(items.contains(value) ? value : items.getFirst());
        select.setReadOnly(!editable);
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setProperty(key, e.getValue());
            }
        });
        return select;
    }

    private void setProperty(String key, String value) {
        String props = working.getOrDefault("pack.properties", "");
        String line = key + "=" + value;
        if (props.matches("(?s).*(?m:^" + key + "=).*")) {
            props = props.replaceAll("(?m)^" + key + "=.*$", line);
        } else {
            props = props + (props.endsWith("\n") ? "" : "\n") + line + "\n";
        }
        working.put("pack.properties", props);
        dirty = true;
    }

    // ---- rules

    private Grid<PricingService.Problem> drlProblems = new Grid<>();
    private TextArea drlEditor;
    private Pre gutter;
    private Select<String> drlSelect;
    private final Span caretLine = new Span();

    private Component rulesTab() {
        boolean editable = PricingService.mayEdit();
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        drlSelect = new Select<>();
        drlSelect.setLabel("Rule file");
        drlSelect.setId("drl-select");
        drlSelect.setItems(drlFiles());
        drlEditor = new TextArea();
        drlEditor.setId("drl-editor");
        drlEditor.setAriaLabel("Rules");
        drlEditor.setWidthFull();
        drlEditor.setReadOnly(!editable);
        drlEditor.setValueChangeMode(ValueChangeMode.TIMEOUT);
        drlEditor.setValueChangeTimeout(400);
        drlEditor.getStyle().set("font-family", "monospace").set("--vaadin-input-field-value-font-size",
                "var(--lumo-font-size-s)").set("line-height", "1.5").set("--lumo-line-height-s", "1.5")
                .set("--lumo-line-height-m", "1.5");
        gutter = new Pre();
        gutter.setId("drl-gutter");
        gutter.getStyle().set("margin", "0").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("padding-top", "calc(var(--lumo-space-s) + 0.25em)").set("text-align", "right")
                .set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("line-height", "1.5").set("user-select", "none").set("min-width", "3em");
        drlEditor.addValueChangeListener(e -> {
            if (drlSelect.getValue() != null && e.isFromClient()) {
                working.put(drlSelect.getValue(), e.getValue());
                dirty = true;
            }
            numberLines(0);
        });
        drlSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                drlEditor.setValue(working.getOrDefault(e.getValue(), ""));
                numberLines(0);
            }
        });
        HorizontalLayout editor = new HorizontalLayout(gutter, drlEditor);
        editor.setWidthFull();
        editor.setSpacing(false);
        editor.setAlignItems(FlexComponent.Alignment.START);

        drlProblems = new Grid<>();
        drlProblems.setId("drl-problems");
        drlProblems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        drlProblems.addColumn(p -> p.file() == null ? "" : p.file()).setHeader("File").setAutoWidth(true);
        drlProblems.addColumn(p -> p.line() > 0 ? Integer.toString(p.line()) : "").setHeader("Line")
                .setAutoWidth(true).setFlexGrow(0);
        drlProblems.addColumn(p -> p.column() > 0 ? Integer.toString(p.column()) : "").setHeader("Column")
                .setAutoWidth(true).setFlexGrow(0);
        drlProblems.addColumn(PricingService.Problem::message).setHeader("What to change").setFlexGrow(1);
        drlProblems.setAllRowsVisible(true);
        drlProblems.addItemClickListener(e -> jumpTo(e.getItem()));
        caretLine.setId("caret-line");

        Button check = new Button("Check rules", e -> {
            List<PricingService.Problem> problems = pricing.check(edited());
            drlProblems.setItems(problems);
            if (problems.isEmpty()) {
                ok("The rules are safe and compile.");
            } else {
                refused(new PricingService.Refused("The pack has " + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "; click one to go to its line", problems));
            }
        });
        check.setId("check-rules");
        HorizontalLayout bar = new HorizontalLayout(drlSelect);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (editable) {
            Select<DrlTemplates.Template> templates = new Select<>();
            templates.setLabel("Add a rule file from a template");
            templates.setId("drl-template");
            templates.setItems(DrlTemplates.all());
            templates.setItemLabelGenerator(DrlTemplates.Template::title);
            templates.addValueChangeListener(e -> {
                if (e.getValue() == null) {
                    return;
                }
                String file = e.getValue().file();
                for (int n = 2; working.containsKey(file); n++) {
                    file = e.getValue().file().replace(".drl", "-" + n + ".drl");
                }
                working.put(file, e.getValue().text());
                addRuleFile(file);
                dirty = true;
                drlSelect.setItems(drlFiles());
                drlSelect.setValue(file);
                templates.clear();
            });
            bar.add(templates);
        }
        bar.add(check);
        tab.add(bar, editor, caretLine, drlProblems);
        List<String> files = drlFiles();
        if (!files.isEmpty()) {
            drlSelect.setValue(files.getFirst());
        }
        return tab;
    }

    private List<String> drlFiles() {
        return working.keySet().stream().filter(p -> p.endsWith(".drl")).toList();
    }

    /** A new rule file is listed in pack.properties' {@code rules=} so that the loader reads it. */
    private void addRuleFile(String file) {
        String props = working.getOrDefault("pack.properties", "");
        working.put("pack.properties", props.replaceFirst("(?m)^rules=(.*)$", "rules=$1," + file));
    }

    private void numberLines(int marked) {
        String text = drlEditor.getValue() == null ? "" : drlEditor.getValue();
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        StringBuilder numbers = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            numbers.append(i == marked ? "▶ " : "").append(i).append('\n');
        }
        gutter.setText(numbers.toString());
    }

    private void jumpTo(PricingService.Problem problem) {
        if (problem.file() != null && working.containsKey(problem.file()) && problem.file().endsWith(".drl")) {
            if (!problem.file().equals(drlSelect.getValue())) {
                drlSelect.setValue(problem.file());
            }
        }
        int line = Math.max(1, problem.line());
        numberLines(line);
        caretLine.setText("Line " + line + " of " + drlSelect.getValue() + " is selected");
        drlEditor.getElement().executeJs("""
                const ta = this.inputElement || this.querySelector('textarea');
                const lines = ta.value.split('\\n');
                let start = 0;
                for (let i = 0; i < $0 - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
                const end = start + (lines[$0 - 1] || '').length;
                ta.focus();
                ta.setSelectionRange(start, end);
                const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
                window.scrollTo({top: ta.getBoundingClientRect().top + window.scrollY + ($0 - 5) * lineHeight});
                """, line);
    }

    // ---- scenarios

    private Component scenariosTab() {
        boolean editable = PricingService.mayEdit();
        Map<String, String> files = new TreeMap<>(pricing.tests());
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        Select<String> which = new Select<>();
        which.setLabel("Scenario file");
        which.setItems(files.keySet());
        TextArea text = new TextArea();
        text.setId("scenario-editor");
        text.setAriaLabel("Scenarios");
        text.setWidthFull();
        text.setReadOnly(!editable);
        text.getStyle().set("font-family", "monospace");
        text.addValueChangeListener(e -> {
            if (which.getValue() != null && e.isFromClient()) {
                files.put(which.getValue(), e.getValue());
            }
        });
        which.addValueChangeListener(e -> text.setValue(files.getOrDefault(e.getValue(), "")));
        which.setValue(files.keySet().iterator().next());

        Grid<PackScenarios.ScenarioResult> results = new Grid<>();
        results.setId("scenario-results");
        results.addComponentColumn(r -> {
            Span s = new Span(r.passed() ? "✔ passes" : "✘ fails");
            s.getStyle().set("color", r.passed() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                    .set("font-weight", "600");
            return s;
        }).setHeader("Result").setAutoWidth(true).setFlexGrow(0);
        results.addColumn(PackScenarios.ScenarioResult::name).setHeader("Scenario").setAutoWidth(true);
        results.addColumn(r -> r.steps().stream().filter(s -> s.expected() != null).findFirst()
                .map(PackScenarios.StepResult::expected).orElse("")).setHeader("Expected").setAutoWidth(true);
        results.addColumn(r -> r.steps().stream().filter(s -> s.actual() != null).findFirst()
                .map(PackScenarios.StepResult::actual).orElse("")).setHeader("Actual").setAutoWidth(true);
        results.addColumn(r -> r.passed() ? "" : r.verdict()).setHeader("Why").setFlexGrow(1);
        results.setAllRowsVisible(true);
        Span summary = new Span();
        summary.setId("scenario-summary");

        Button run = new Button("Run against version " + version, e -> {
            PackScenarios.Suite suite = pricing.runTests(version, files);
            results.setItems(suite.scenarios());
            summary.setText(suite.summary() + (suite.problems().isEmpty() ? "" : ": " + String.join("; ",
                    suite.problems())));
            summary.getStyle().set("color", suite.passed() ? "var(--lumo-success-text-color)"
                    : "var(--lumo-error-text-color)");
        });
        run.setId("run-scenarios");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(which, run);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (editable) {
            Button save = new Button("Save scenarios", e -> {
                try {
                    pricing.saveTests(which.getValue(), files.get(which.getValue()));
                    ok("Scenarios saved; they are run against every version before it is approved.");
                } catch (PricingService.Refused ex) {
                    refused(ex);
                }
            });
            save.setId("save-scenarios");
            bar.add(save);
        }
        Div vocabulary = new Div();
        PackScenarios.VOCABULARY.forEach(v -> vocabulary.add(new Pre(v)));
        tab.add(new Paragraph("Scenarios say in your words what a customer must pay. They run in a sandbox against "
                + "this version (nothing is recorded), and a version whose scenarios fail cannot be approved."),
                bar, text, summary, results, new Details("Phrases you can use", vocabulary));
        return tab;
    }

    // ---- what-if

    private Component whatIfTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        LocalDate[] lastMonth = WhatIfRuns.lastMonth(pricing.today());
        DatePicker from = new DatePicker("Invoices dated from", lastMonth[0]);
        DatePicker to = new DatePicker("to", lastMonth[1]);
        from.setId("what-if-from");
        to.setId("what-if-to");
        ProgressBar progress = new ProgressBar();
        progress.setVisible(false);
        Span status = new Span();
        status.setId("what-if-status");
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-what-if");
        cancel.setVisible(false);
        Grid<WhatIfRuns.Impact> impact = new Grid<>();
        impact.setId("what-if-impact");
        impact.addColumn(WhatIfRuns.Impact::group).setHeader("Plan").setAutoWidth(true);
        impact.addColumn(WhatIfRuns.Impact::accounts).setHeader("Accounts").setAutoWidth(true);
        impact.addColumn(i -> money(i.currency(), i.invoiced())).setHeader("Invoiced").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        impact.addColumn(i -> money(i.currency(), i.repriced())).setHeader("With version " + version)
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        impact.addColumn(i -> signed(i.currency(), i.difference())).setHeader("Difference").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        impact.addColumn(i -> i.percent() == null ? "" : (i.percent().signum() > 0 ? "+" : "") + i.percent() + " %")
                .setHeader("Change").setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        impact.setAllRowsVisible(true);
        impact.setVisible(false);

        Grid<AccountRepricing> accounts = new Grid<>();
        accounts.setId("what-if-accounts");
        accounts.addColumn(AccountRepricing::accountName).setHeader("Account").setSortable(true)
                .setComparator(AccountRepricing::accountName).setAutoWidth(true);
        accounts.addColumn(a -> String.join(" + ", a.plans())).setHeader("Plans").setSortable(true)
                .setComparator(a -> String.join(" + ", a.plans())).setAutoWidth(true);
        accounts.addColumn(AccountRepricing::invoices).setHeader("Invoices").setAutoWidth(true);
        accounts.addColumn(a -> money(a.currency(), a.invoiced())).setHeader("Invoiced").setSortable(true)
                .setComparator(AccountRepricing::invoiced).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        accounts.addColumn(a -> a.repriced() == null ? "" : money(a.currency(), a.repriced()))
                .setHeader("With version " + version).setSortable(true)
                .setComparator(a -> a.repriced() == null ? BigDecimal.ZERO : a.repriced()).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        accounts.addColumn(a -> a.difference() == null ? a.problem() : signed(a.currency(), a.difference()))
                .setHeader("Difference").setSortable(true)
                .setComparator(a -> a.difference() == null ? BigDecimal.ZERO : a.difference()).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        accounts.setVisible(false);
        TextField filter = new TextField();
        filter.setPlaceholder("Filter by account or plan");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        Checkbox onlyChanged = new Checkbox("Only accounts whose total changes");
        Span count = new Span();
        count.setId("what-if-count");
        Div download = new Div();
        HorizontalLayout filters = new HorizontalLayout(filter, onlyChanged, count, download);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setVisible(false);

        Runnable show = () -> whatIfs.latest(version).ifPresent(run -> {
            progress.setVisible(!run.finished);
            progress.setValue(run.progress());
            cancel.setVisible(!run.finished);
            status.setText(run.state() + run.headline().map(h -> ". Impact: " + h).orElse(""));
            if (run.finished) {
                impact.setItems(run.impact());
                impact.setVisible(true);
                List<AccountRepricing> rows = run.accounts;
                String needle = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
                List<AccountRepricing> shown = rows.stream()
                        .filter(a -> needle.isEmpty() || a.accountName().toLowerCase(Locale.ROOT).contains(needle)
                                || String.join(" ", a.plans()).toLowerCase(Locale.ROOT).contains(needle))
                        .filter(a -> !onlyChanged.getValue() || a.difference() == null || a.difference().signum() != 0)
                        .toList();
                accounts.setItems(shown);
                accounts.setVisible(true);
                filters.setVisible(true);
                count.setText(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(shown.size()) + " of "
                        + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(rows.size()) + " accounts");
                byte[] csv = run.csv().getBytes(StandardCharsets.UTF_8);
                download.removeAll();
                download.add(new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                        new ByteArrayInputStream(csv), "what-if-v" + version + ".csv", "text/csv", csv.length)),
                        AttachmentType.DOWNLOAD, "Download CSV"));
                UI.getCurrent().setPollInterval(-1);
            }
        });
        filter.addValueChangeListener(e -> show.run());
        onlyChanged.addValueChangeListener(e -> show.run());
        cancel.addClickListener(e -> whatIfs.latest(version).ifPresent(r -> r.cancelled = true));
        Button start = new Button("Run what-if", e -> {
            try {
                whatIfs.start(version, from.getValue(), to.getValue());
                UI.getCurrent().setPollInterval(500);
                show.run();
            } catch (PricingService.Refused ex) {
                refused(ex);
            }
        });
        start.setId("run-what-if");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        whatIfRefresh = show;
        if (whatIfs.latest(version).filter(r -> !r.finished).isPresent()) {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.setPollInterval(500);
            }
        }
        show.run();
        HorizontalLayout bar = new HorizontalLayout(from, to, start, cancel);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        tab.add(new Paragraph("Re-price every account invoiced in a closed period with version " + version
                + ", next to what was actually invoiced. The same rules decide as in the billing run; nothing is "
                + "recorded. Repairs of earlier charges, account credit and coupon discounts are kept as invoiced."),
                bar, progress, status, impact, filters, accounts);
        return tab;
    }

    static String money(String currency, BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return currency + " " + format.format(amount);
    }

    static String signed(String currency, BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : amount.signum() < 0 ? "−" : "") + money(currency, amount.abs());
    }

    // ---- compare

    private Component compareTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        List<Integer> all = pricing.versions().stream().map(r -> r.view().version()).toList();
        Select<Integer> older = new Select<>();
        older.setLabel("Compare version");
        older.setItems(all);
        older.setItemLabelGenerator(v -> "v" + v);
        older.setId("compare-older");
        Select<Integer> newer = new Select<>();
        newer.setLabel("with version");
        newer.setItems(all);
        newer.setItemLabelGenerator(v -> "v" + v);
        newer.setId("compare-newer");
        Div result = new Div();
        result.setWidthFull();
        result.setId("diff");
        Runnable render = () -> {
            result.removeAll();
            if (older.getValue() == null || newer.getValue() == null) {
                return;
            }
            List<PackDiff.FileDiff> diffs = pricing.diff(older.getValue(), newer.getValue()).stream()
                    .filter(PackDiff.FileDiff::changed).toList();
            if (diffs.isEmpty()) {
                result.add(new Paragraph("The two versions have the same content."));
            }
            for (PackDiff.FileDiff d : diffs) {
                result.add(new H4(TABLE_NAMES.getOrDefault(d.path(), d.path())), new Paragraph(d.summary()));
                result.add(d.lines().isEmpty() ? tableDiff(d) : textDiff(d));
            }
        };
        older.addValueChangeListener(e -> render.run());
        newer.addValueChangeListener(e -> render.run());
        int previous = all.stream().filter(v -> v < version).findFirst().orElse(version);
        older.setValue(previous);
        newer.setValue(version);
        tab.add(new HorizontalLayout(older, newer), result);
        return tab;
    }

    private static Span cell(String text, String background) {
        Span s = new Span(text);
        if (background != null) {
            s.getStyle().set("background", background).set("padding", "0 0.3em")
                    .set("border-radius", "var(--lumo-border-radius-s)");
        }
        return s;
    }

    private static final String ADDED = "var(--lumo-success-color-10pct)";
    private static final String REMOVED = "var(--lumo-error-color-10pct)";
    private static final String CHANGED = "var(--lumo-warning-color-10pct, #fff3cd)";

    private static Component tableDiff(PackDiff.FileDiff d) {
        Grid<PackDiff.TableRow> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(r -> cell(switch (r.kind()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
            case SAME -> "";
        }, switch (r.kind()) {
            case ADDED -> ADDED;
            case REMOVED -> REMOVED;
            case CHANGED -> CHANGED;
            case SAME -> null;
        })).setHeader("").setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < d.header().size(); i++) {
            int c = i;
            String column = d.header().get(i);
            grid.addComponentColumn(r -> {
                String oldValue = c < r.oldCells().size() ? r.oldCells().get(c) : "";
                String newValue = c < r.newCells().size() ? r.newCells().get(c) : "";
                return switch (r.kind()) {
                    case ADDED -> cell(newValue, null);
                    case REMOVED -> cell(oldValue, null);
                    case SAME -> cell(newValue, null);
                    case CHANGED -> r.changedColumns().contains(column)
                            ? cell(oldValue + " → " + newValue, CHANGED) : cell(newValue, null);
                };
            }).setHeader(column.replace('_', ' ')).setAutoWidth(true);
        }
        grid.setItems(d.rows().stream().filter(r -> r.kind() != PackDiff.Kind.SAME).toList());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Component textDiff(PackDiff.FileDiff d) {
        Grid<PackDiff.TextRow> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_ROW_BORDERS);
        grid.addColumn(r -> r.oldLine() == null ? "" : r.oldLine().toString()).setHeader("#").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> code(r.oldText(), r.kind() == PackDiff.Kind.REMOVED
                || r.kind() == PackDiff.Kind.CHANGED ? REMOVED : null)).setHeader("Before").setFlexGrow(1);
        grid.addColumn(r -> r.newLine() == null ? "" : r.newLine().toString()).setHeader("#").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> code(r.newText(), r.kind() == PackDiff.Kind.ADDED
                || r.kind() == PackDiff.Kind.CHANGED ? ADDED : null)).setHeader("After").setFlexGrow(1);
        grid.setItems(d.lines());
        grid.setAllRowsVisible(d.lines().size() <= 60);
        if (d.lines().size() > 60) {
            grid.setHeight("30em");
        }
        return grid;
    }

    private static Component code(String text, String background) {
        Span s = cell(text == null ? "" : text, background);
        s.getStyle().set("font-family", "monospace").set("white-space", "pre");
        return s;
    }

    // ---- lifecycle

    private void fillLifecycle(VerticalLayout tab) {
        tab.removeAll();
        tab.add(new Paragraph(switch (view.status()) {
            case "DRAFT" -> "A draft. The analyst submits it (its scenarios must pass); an approver who did not save "
                    + "it last reviews the changes, the scenarios and the what-if, approves it, and publishes it "
                    + "from a date.";
            case "APPROVED" -> "Approved by " + view.approvedBy() + ". Publish it from a date to make it price.";
            case "PUBLISHED" -> "Published: it prices billing periods from " + LONG_DAY.format(view.effectiveFrom())
                    + ". To go back to it later, roll back: its content becomes a new draft.";
            default -> view.status();
        }));

        // what the approver reviews: the changes against the version in effect, the scenarios, the what-if
        Optional<PricingService.VersionRow> inEffect = pricing.versions().stream()
                .filter(r -> "PUBLISHED".equals(r.view().status()) && r.view().version() != version)
                .filter(r -> r.view().effectiveFrom() != null && !r.view().effectiveFrom().isAfter(pricing.today()))
                .findFirst();
        if (inEffect.isPresent()) {
            int current = inEffect.get().view().version();
            List<String> changes = pricing.diff(current, version).stream().filter(PackDiff.FileDiff::changed)
                    .map(PackDiff.FileDiff::summary).toList();
            Div list = new Div();
            list.setId("review-changes");
            changes.forEach(c -> list.add(new Paragraph("• " + c)));
            if (changes.isEmpty()) {
                list.add(new Paragraph("No change against version " + current + "."));
            }
            tab.add(new H4("Changes against version " + current + " (in effect)"), list);
        }
        PackScenarios.Suite suite = pricing.runTests(version);
        Span scenarios = new Span(suite.summary() + (suite.passed() ? "" : " — " + suite.scenarios().stream()
                .filter(s -> !s.passed()).map(s -> s.name() + ": " + s.verdict()).findFirst()
                .orElse(String.join("; ", suite.problems()))));
        scenarios.setId("review-scenarios");
        scenarios.getStyle().set("color", suite.passed() ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        Span whatIf = new Span(whatIfs.latest(version).flatMap(WhatIfRuns.Run::headline)
                .map(h -> "Impact " + h).orElse("No what-if has been run for this version yet (tab What-if)."));
        whatIf.setId("review-what-if");
        tab.add(new H4("Scenarios"), scenarios, new H4("What-if"), whatIf);
        if (view.testSummary() != null) {
            tab.add(new Paragraph("Submitted by " + view.testedBy() + ": " + view.testSummary()));
        }

        HorizontalLayout actions = new HorizontalLayout();
        if ("DRAFT".equals(view.status()) && PricingService.mayEdit()) {
            Button submit = new Button("Submit for approval", e -> {
                try {
                    PackScenarios.Suite s = pricing.submit(version);
                    pricing.version(version).ifPresent(v -> view = v);
                    fillLifecycle(tab);
                    ok("Version " + version + " is submitted: " + s.summary() + ". An approver can approve it now.");
                } catch (PricingService.Refused ex) {
                    pricing.version(version).ifPresent(v -> view = v);
                    fillLifecycle(tab);
                    refused(ex);
                }
            });
            submit.setId("submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(submit);
        }
        if ("DRAFT".equals(view.status())) {
            Button approve = new Button("Approve", e -> {
                try {
                    pricing.approve(version);
                    ok("Version " + version + " is approved. Publish it from a date to make it price.");
                    goTo(version);
                } catch (PricingService.Refused ex) {
                    refused(ex);
                }
            });
            approve.setId("approve");
            actions.add(approve);
        }
        if ("APPROVED".equals(view.status()) && PricingService.mayApprove()) {
            Button publish = new Button("Publish…", e -> publishDialog().open());
            publish.setId("publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(publish);
        }
        if ("PUBLISHED".equals(view.status()) && PricingService.mayEdit()) {
            Button rollBack = new Button("Roll back to this version", e -> {
                try {
                    int v = pricing.rollBack(version);
                    ok("Version " + v + " is a draft with the content of version " + version
                            + "; it is approved and published like any other.");
                    goTo(v);
                } catch (PricingService.Refused ex) {
                    refused(ex);
                }
            });
            rollBack.setId("roll-back");
            actions.add(rollBack);
        }
        tab.add(actions);
    }

    private Dialog publishDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Publish version " + version);
        LocalDate today = pricing.today();
        DatePicker from = new DatePicker("Prices from", today.withDayOfMonth(1).plusMonths(1));
        from.setMin(today);
        from.setId("publish-from");
        Paragraph effect = new Paragraph();
        effect.setId("publish-effect");
        Runnable describe = () -> {
            if (from.getValue() == null) {
                effect.setText("Choose the first day the version prices.");
                return;
            }
            int accounts = pricing.accountsPricedOn(from.getValue());
            effect.setText("From " + LONG_DAY.format(from.getValue()) + ", "
                    + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(accounts) + " account"
                    + (accounts == 1 ? " is" : "s are") + " priced by version " + version + "; "
                    + whatIfs.latest(version).flatMap(WhatIfRuns.Run::headline).map(h -> "what-if impact " + h)
                    .orElse("no what-if was run for it") + ".");
        };
        from.addValueChangeListener(e -> describe.run());
        describe.run();
        Button confirm = new Button("Publish", e -> {
            try {
                pricing.publish(version, from.getValue());
                dialog.close();
                ok("Version " + version + " prices from " + LONG_DAY.format(from.getValue()) + ".");
                goTo(version);
            } catch (PricingService.Refused ex) {
                refused(ex);
                effect.setText(ex.getMessage());
            }
        });
        confirm.setId("confirm-publish");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(from, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        return dialog;
    }
}
