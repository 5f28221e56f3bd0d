package org.ratebook.console.customers;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.finance.FinanceActions;
import org.ratebook.console.finance.Ui;
import org.ratebook.console.invoices.InvoicePage;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.engine.dunning.StandingChange;
import org.ratebook.engine.dunning.StandingView;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.query.AccountBalance;
import org.ratebook.engine.listing.AccountListing;
import org.ratebook.engine.listing.InvoiceListing;
import org.ratebook.engine.rating.UsageEstimates;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.money.MoneyFormat;
import org.ratebook.tenants.Role;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One customer: balance, credit and dunning state at the top; tabs for profile and tax details, subscriptions
 * with their phase timeline and actions, usage with the current period's estimate, invoices, payments and
 * credit notes, dunning history, and parent and child accounts. Every action that moves money shows first
 * what it will invoice or credit, from the engine's own previews.
 */
@Route(value = "customers/:accountId", layout = MainLayout.class)
@PageTitle("Customer · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
public class AccountPage extends VerticalLayout implements BeforeEnterObserver {

    private final FinanceActions finance;
    private UUID accountId;
    private String selectedTab;

    AccountPage(FinanceActions finance) {
        this.finance = finance;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            accountId = UUID.fromString(event.getRouteParameters().get("accountId").orElse(""));
        } catch (IllegalArgumentException e) {
            accountId = null;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new RouterLink("← All customers", CustomersView.class));
        AccountView found;
        try {
            found = accountId == null ? null : finance.account(accountId);
        } catch (RuntimeException e) {
            found = null;
        }
        final AccountView account = found;
        if (account == null) {
            add(new H2("No such customer"), new Paragraph("It may belong to another seller, or the link is wrong."));
            return;
        }
        MoneyFormat f = Ui.format();
        StandingView standing = finance.standing(accountId);
        H2 title = new H2(account.name());
        title.setId("account-name");
        HorizontalLayout head = new HorizontalLayout(title, Ui.badge(standing.state().name()));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(head);

        AccountBalance balance = finance.balance(accountId, account.currency());
        Div figures = new Div(figure("Open invoices", f.money(balance.openInvoices(), balance.currency())),
                figure("Credit", f.money(balance.credit(), balance.currency())),
                figure("Balance", f.money(balance.balance(), balance.currency())));
        figures.setId("account-balance");
        figures.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)");
        add(figures);
        if (finance.mayAct()) {
            Button charge = new Button("One-off charge", e -> chargeDialog(account));
            charge.setId("one-off-charge");
            Button coupon = new Button("Apply coupon", e -> couponDialog());
            coupon.setId("apply-coupon");
            Button credit = new Button("Give credit", e -> creditDialog(account, balance));
            credit.setId("give-credit");
            add(new HorizontalLayout(charge, coupon, credit));
        }
        add(automaticInvoicing(account));

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.setId("account-tabs");
        tab(tabs, "Profile", () -> profile(account));
        tab(tabs, "Subscriptions", () -> subscriptions(account, f));
        tab(tabs, "Usage", () -> usage(account, f));
        tab(tabs, "Invoices", () -> invoices(f));
        tab(tabs, "Payments and credit notes", () -> payments(f));
        tab(tabs, "Dunning", () -> dunning(standing, f));
        tab(tabs, "Related accounts", this::related);
        tabs.addSelectedChangeListener(e -> selectedTab = e.getSelectedTab().getLabel());
        if (selectedTab != null) {
            for (int i = 0; i < 7; i++) {
                var t = tabs.getTabAt(i);
                if (t.getLabel().equals(selectedTab)) {
                    tabs.setSelectedTab(t);
                }
            }
        }
        add(tabs);
    }

    private static void tab(TabSheet tabs, String label, Supplier<Component> content) {
        Div lazy = new Div();
        lazy.setWidthFull();
        var tab = tabs.add(label, lazy);
        tab.setId("tab-" + label.toLowerCase().replace(' ', '-'));
        Runnable fill = () -> {
            if (lazy.getChildren().findAny().isEmpty()) {
                lazy.add(content.get());
            }
        };
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab) {
                fill.run();
            }
        });
        if (tabs.getSelectedTab() == tab) {
            fill.run();
        }
    }

    private static Div figure(String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span v = new Span(value);
        v.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        return new Div(l, new Div(v));
    }

    private static Component line(String label, String value) {
        Div d = new Div(new Span(label + ": "), new Span(value == null || value.isBlank() ? "—" : value));
        return d;
    }

    private Component profile(AccountView a) {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        v.add(line("Email", a.email()), line("Currency", a.currency()), line("Country", a.country()),
                line("Time zone", a.timeZone()), line("Billing cycle day", a.billCycleDay() == 0
                        ? "the first subscription's start day" : String.valueOf(a.billCycleDay())),
                line("Address", String.join(", ", a.addressLines())), line("Customer since", Ui.date(a.createdOn())),
                line("Segment", a.segment()));
        v.add(new H4("Tax details"), line("Tax id", a.taxId()),
                line("Business customer", a.tax().business() ? "yes" : "no"),
                line("Tax id verified", a.tax().taxIdValid() ? "yes" : "no"),
                line("Tax exempt", a.tax().taxExempt() ? "yes — " + a.tax().exemptionReason() : "no"),
                line("Region", a.tax().region()));
        if (finance.mayAct()) {
            Button edit = new Button("Edit tax details", e -> taxDialog(a));
            edit.setId("edit-tax-details");
            v.add(edit);
        }
        return v;
    }

    /** New tax id and details; each field says what is wrong, and nothing changes until all are right. */
    private void taxDialog(AccountView a) {
        Dialog dialog = new Dialog("Tax details of " + a.name());
        TextField taxId = new TextField("VAT / tax id");
        taxId.setValue(a.taxId() == null ? "" : a.taxId());
        taxId.setMaxLength(50);
        com.vaadin.flow.component.checkbox.Checkbox business =
                new com.vaadin.flow.component.checkbox.Checkbox("Buys as a business", a.tax().business());
        com.vaadin.flow.component.checkbox.Checkbox valid = new com.vaadin.flow.component.checkbox.Checkbox(
                "Tax id checked and valid (e.g. in VIES)", a.tax().taxIdValid());
        com.vaadin.flow.component.checkbox.Checkbox exempt =
                new com.vaadin.flow.component.checkbox.Checkbox("Exempt from tax", a.tax().taxExempt());
        TextField reason = new TextField("Exemption reason (printed on every invoice)");
        reason.setValue(a.tax().exemptionReason() == null ? "" : a.tax().exemptionReason());
        reason.setMaxLength(200);
        TextField region = new TextField("Region (US state, Canadian province)");
        region.setValue(a.tax().region() == null ? "" : a.tax().region());
        region.setMaxLength(10);
        Paragraph effect = new Paragraph("Invoices from today on are taxed with these details; issued invoices "
                + "keep theirs.");
        Button save = new Button("Save tax details", e -> {
            taxId.setInvalid(false);
            reason.setInvalid(false);
            if (exempt.getValue() && reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("An exemption needs its reason: the law wants it on the invoice");
                return;
            }
            if (valid.getValue() && taxId.getValue().isBlank()) {
                taxId.setInvalid(true);
                taxId.setErrorMessage("Enter the tax id that was checked");
                return;
            }
            try {
                finance.changeTaxDetails(accountId, taxId.getValue().isBlank() ? null
                                : taxId.getValue().replace(" ", "").toUpperCase(java.util.Locale.ROOT),
                        new org.ratebook.engine.account.api.TaxDetails(region.getValue().isBlank() ? null
                                : region.getValue().trim(), business.getValue(), valid.getValue(), exempt.getValue(),
                                reason.getValue().isBlank() ? null : reason.getValue().trim()));
                dialog.close();
                Ui.done("Tax details of " + a.name() + " saved");
                selectedTab = "Profile";
                render();
            } catch (RuntimeException ex) {
                String why = Ui.reason(ex);
                TextField target = why.toLowerCase(java.util.Locale.ROOT).contains("reason") ? reason
                        : why.toLowerCase(java.util.Locale.ROOT).contains("region") ? region : taxId;
                target.setInvalid(true);
                target.setErrorMessage(why);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-tax-details");
        dialog.add(new VerticalLayout(taxId, business, valid, exempt, reason, region, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    // ---- subscriptions ----

    private Component subscriptions(AccountView account, MoneyFormat f) {
        List<SubscriptionView> subs = finance.subscriptions(accountId);
        if (subs.isEmpty()) {
            return new Paragraph("No subscriptions. Subscriptions are created over the API (POST /api/v1/subscriptions)"
                    + " or by the seller's sign-up flow.");
        }
        Grid<SubscriptionView> grid = new Grid<>();
        grid.addColumn(SubscriptionView::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(SubscriptionView::quantity).setHeader("Qty").setAutoWidth(true);
        grid.addComponentColumn(s -> Ui.badge(s.state())).setHeader("State").setAutoWidth(true);
        grid.addColumn(s -> f.date(s.startDate())).setHeader("Since").setAutoWidth(true);
        grid.addColumn(s -> timeline(s, f)).setHeader("Phase timeline").setFlexGrow(1);
        grid.addColumn(s -> s.endsOn() == null ? "" : f.date(s.endsOn())).setHeader("Ends").setAutoWidth(true);
        if (finance.mayAct()) {
            grid.addComponentColumn(s -> actions(account, s)).setHeader("Actions").setAutoWidth(true);
        }
        grid.setItems(subs);
        grid.setAllRowsVisible(true);
        grid.setId("subscriptions");
        return grid;
    }

    private static String timeline(SubscriptionView s, MoneyFormat f) {
        List<PhaseStart> phases = s.phases() == null || s.phases().isEmpty()
                ? List.of(new PhaseStart("evergreen", s.startDate(), s.plan(), s.quantity())) : s.phases();
        return phases.stream().map(p -> "from " + f.date(p.from()) + ": " + (p.plan() == null ? s.plan() : p.plan())
                        + " × " + (p.quantity() == null ? s.quantity() : p.quantity()) + " (" + p.phase() + ")")
                .collect(Collectors.joining(" → "));
    }

    private Component actions(AccountView account, SubscriptionView s) {
        HorizontalLayout h = new HorizontalLayout();
        h.setSpacing(false);
        h.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        boolean cancelled = "CANCELLED".equals(s.state());
        boolean paused = "PAUSED".equals(s.state()) || s.pausedFrom() != null;
        if (!cancelled && s.endsOn() == null) {
            h.add(small("Change plan", "change-plan", () -> changePlanDialog(account, s)));
            h.add(small("Change quantity", "change-quantity", () -> changeQuantityDialog(account, s)));
            h.add(paused ? small("Resume", "resume", () -> confirm("Resume " + s.plan() + "?",
                    "Billing starts again today; the next invoice charges from today on.",
                    () -> finance.resume(s.subscriptionId().value()), "Subscription resumed"))
                    : small("Pause", "pause", () -> confirm("Pause " + s.plan() + "?",
                    "Billing stops today; prepaid days after today become account credit.",
                    () -> finance.pause(s.subscriptionId().value()), "Subscription paused")));
            h.add(small("Cancel", "cancel", () -> cancelDialog(account, s)));
        } else {
            h.add(small("Reinstate", "reinstate", () -> confirm("Reinstate " + s.plan() + "?",
                    "Takes back the cancellation; the subscription goes on as before. Refused if the cancellation "
                            + "has already taken effect.",
                    () -> finance.reinstate(s.subscriptionId().value()), "Subscription reinstated")));
        }
        return h;
    }

    private static Button small(String text, String id, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.addClassName("action-" + id);
        return b;
    }

    private static RadioButtonGroup<String> timing(boolean policyOption) {
        RadioButtonGroup<String> timing = new RadioButtonGroup<>("When");
        timing.setItems(policyOption ? List.of("As the seller's policy decides", "Today", "At the end of the term")
                : List.of("Today", "At the end of the term"));
        timing.setValue(policyOption ? "As the seller's policy decides" : "At the end of the term");
        return timing;
    }

    private static ChangeTiming timingOf(String value) {
        return switch (value == null ? "" : value) {
            case "Today" -> ChangeTiming.IMMEDIATE;
            case "At the end of the term" -> ChangeTiming.END_OF_TERM;
            default -> null;
        };
    }

    private static final String PRORATION_BY_RULES = "As the price rules say (default)";

    /** The proration choice of a change dialog, in a finance analyst's words (decision 028). */
    private static RadioButtonGroup<String> proration() {
        RadioButtonGroup<String> proration = new RadioButtonGroup<>("The difference for the rest of this period");
        proration.setItems(PRORATION_BY_RULES, "Invoice it now", "Add it to the next invoice",
                "Do not charge or credit it");
        proration.setValue(PRORATION_BY_RULES);
        proration.setId("proration");
        return proration;
    }

    private static ProrationBehaviour prorationOf(String value) {
        return switch (value == null ? "" : value) {
            case "Invoice it now" -> ProrationBehaviour.ALWAYS_INVOICE;
            case "Add it to the next invoice" -> ProrationBehaviour.CREATE_PRORATIONS;
            case "Do not charge or credit it" -> ProrationBehaviour.NONE;
            default -> null;
        };
    }

    /** What a preview says will happen, in words: when, and every invoice with its lines and total. */
    private static Component effect(SubscriptionChanges.Preview preview, MoneyFormat f) {
        Div d = new Div();
        d.setId("change-preview");
        d.add(new Paragraph("Takes effect on " + f.date(preview.outcome().effectiveOn()) + "."));
        ProrationBehaviour proration = preview.proration();
        if (proration == ProrationBehaviour.NONE) {
            Paragraph none = new Paragraph("The difference for the rest of this period is neither charged nor "
                    + "credited; the new price applies from the next period.");
            none.setId("proration-none");
            d.add(none);
        }
        if (preview.invoices().isEmpty() && proration != ProrationBehaviour.CREATE_PRORATIONS) {
            d.add(new Paragraph("Nothing is invoiced until the next regular invoice."));
        }
        for (IssueInvoiceCommand invoice : preview.invoices()) {
            d.add(invoice(invoice, f));
        }
        if (proration == ProrationBehaviour.CREATE_PRORATIONS) {
            String now = preview.invoices().isEmpty() ? "Nothing is invoiced now; the difference for the rest of "
                    + "this period" : "The difference for the rest of this period is not invoiced now; it";
            Paragraph carried = new Paragraph(preview.carriedTo() == null ? now + " goes on the next invoice."
                    : now + " goes on the invoice of " + f.date(preview.carriedTo().invoiceDate())
                    + ", which will hold:");
            carried.setId("proration-carried");
            d.add(carried);
        }
        if (preview.carriedTo() != null) {
            Div next = invoice(preview.carriedTo(), f);
            next.setId("carried-invoice");
            d.add(next);
        }
        return d;
    }

    /** One previewed invoice: its date, lines and total. */
    private static Div invoice(IssueInvoiceCommand invoice, MoneyFormat f) {
        BigDecimal net = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = invoice.lines().stream().map(InvoiceLine::taxAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        Div inv = new Div(new Span("Invoice of " + f.date(invoice.invoiceDate()) + ":"));
        for (InvoiceLine l : invoice.lines()) {
            Div row = new Div(new Span(l.description() + " "
                    + (l.periodFrom() == null ? "" : "(" + f.period(l.periodFrom(), l.periodTo()) + ") ")),
                    new Span(f.money(l.amount(), invoice.currency())));
            row.addClassName("preview-line");
            row.getStyle().set("padding-left", "var(--lumo-space-m)");
            inv.add(row);
        }
        Span total = new Span("Total " + f.money(net.add(tax), invoice.currency()) + " (tax "
                + f.money(tax, invoice.currency()) + ")");
        total.addClassName("preview-total");
        total.getStyle().set("font-weight", "600");
        inv.add(new Div(total));
        return inv;
    }

    private void changePlanDialog(AccountView account, SubscriptionView s) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Change plan of " + s.plan() + " × " + s.quantity());
        ComboBox<String> plan = new ComboBox<>("New plan", finance.plans(account.currency()).stream()
                .filter(p -> !p.equals(s.plan())).toList());
        plan.setId("new-plan");
        RadioButtonGroup<String> timing = timing(true);
        RadioButtonGroup<String> proration = proration();
        Div effect = new Div(new Paragraph("Choose a plan to see what the change will invoice."));
        Button confirm = new Button("Change plan");
        confirm.setEnabled(false);
        confirm.setId("confirm-change-plan");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Runnable preview = () -> {
            confirm.setEnabled(false);
            effect.removeAll();
            plan.setInvalid(false);
            if (plan.getValue() == null) {
                return;
            }
            try {
                effect.add(effect(finance.previewChangePlan(s.subscriptionId().value(), plan.getValue(),
                        timingOf(timing.getValue()), prorationOf(proration.getValue())), f));
                confirm.setEnabled(true);
            } catch (RuntimeException ex) {
                plan.setInvalid(true);
                plan.setErrorMessage(Ui.reason(ex));
            }
        };
        plan.addValueChangeListener(e -> preview.run());
        timing.addValueChangeListener(e -> preview.run());
        proration.addValueChangeListener(e -> preview.run());
        confirm.addClickListener(e -> act(dialog, plan, () -> finance.changePlan(s.subscriptionId().value(),
                plan.getValue(), timingOf(timing.getValue()), prorationOf(proration.getValue())),
                s.plan() + " changed to " + plan.getValue()));
        dialog.add(new VerticalLayout(plan, timing, proration, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void changeQuantityDialog(AccountView account, SubscriptionView s) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Change quantity of " + s.plan());
        IntegerField quantity = new IntegerField("Seats / devices / users");
        quantity.setMin(1);
        quantity.setMax(1_000_000);
        quantity.setStepButtonsVisible(true);
        quantity.setValue(s.quantity());
        RadioButtonGroup<String> timing = timing(true);
        RadioButtonGroup<String> proration = proration();
        Div effect = new Div();
        Button confirm = new Button("Change quantity");
        confirm.setEnabled(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Runnable preview = () -> {
            confirm.setEnabled(false);
            effect.removeAll();
            quantity.setInvalid(false);
            Integer q = quantity.getValue();
            if (q == null || q < 1 || q == s.quantity()) {
                if (q != null && q < 1) {
                    quantity.setInvalid(true);
                    quantity.setErrorMessage("At least 1");
                }
                return;
            }
            try {
                effect.add(effect(finance.previewChangeQuantity(s.subscriptionId().value(), q,
                        timingOf(timing.getValue()), prorationOf(proration.getValue())), f));
                confirm.setEnabled(true);
            } catch (RuntimeException ex) {
                quantity.setInvalid(true);
                quantity.setErrorMessage(Ui.reason(ex));
            }
        };
        quantity.addValueChangeListener(e -> preview.run());
        timing.addValueChangeListener(e -> preview.run());
        proration.addValueChangeListener(e -> preview.run());
        confirm.addClickListener(e -> act(dialog, quantity, () -> finance.changeQuantity(s.subscriptionId().value(),
                quantity.getValue(), timingOf(timing.getValue()), prorationOf(proration.getValue())),
                "Quantity changed to " + quantity.getValue()));
        dialog.add(new VerticalLayout(quantity, timing, proration, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void cancelDialog(AccountView account, SubscriptionView s) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Cancel " + s.plan() + "?");
        RadioButtonGroup<String> timing = timing(false);
        Div effect = new Div();
        Button confirm = new Button("Cancel subscription");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Runnable preview = () -> {
            effect.removeAll();
            timing.setInvalid(false);
            try {
                effect.add(effect(finance.previewCancel(s.subscriptionId().value(), timingOf(timing.getValue())), f));
                confirm.setEnabled(true);
            } catch (RuntimeException ex) {
                timing.setInvalid(true);
                timing.setErrorMessage(Ui.reason(ex));
                confirm.setEnabled(false);
            }
        };
        timing.addValueChangeListener(e -> preview.run());
        preview.run();
        confirm.addClickListener(e -> act(dialog, timing, () -> finance.cancel(s.subscriptionId().value(),
                timingOf(timing.getValue())), s.plan() + " cancelled"));
        dialog.add(new VerticalLayout(timing, effect));
        dialog.getFooter().add(new Button("Keep it", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void confirm(String question, String effect, Supplier<BillingRunResult> action, String done) {
        Dialog dialog = new Dialog(question);
        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button ok = new Button("Confirm", e -> {
            try {
                action.get();
                dialog.close();
                Ui.done(done);
                render();
            } catch (RuntimeException ex) {
                error.setText(Ui.reason(ex));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("confirm-action");
        dialog.add(new Paragraph(effect), error);
        dialog.getFooter().add(new Button("Back", e -> dialog.close()), ok);
        dialog.open();
    }

    /** Runs an action; a refusal goes next to {@code field} and nothing is recorded. */
    private void act(Dialog dialog, com.vaadin.flow.component.HasValidation field, Supplier<?> action, String done) {
        try {
            action.get();
            dialog.close();
            Ui.done(done);
            selectedTab = "Subscriptions";
            render();
        } catch (RuntimeException ex) {
            field.setInvalid(true);
            field.setErrorMessage(Ui.reason(ex));
        }
    }

    private void chargeDialog(AccountView account) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("One-off charge to " + account.name());
        TextField description = new TextField("Description (printed on the invoice)");
        description.setMaxLength(200);
        BigDecimalField quantity = new BigDecimalField("Quantity");
        quantity.setValue(BigDecimal.ONE);
        BigDecimalField price = new BigDecimalField("Unit price, before tax (" + account.currency() + ")");
        DatePicker on = new DatePicker("Charge on", finance.today());
        on.setMin(finance.today());
        Paragraph effect = new Paragraph();
        Runnable explain = () -> {
            if (price.getValue() != null && quantity.getValue() != null) {
                effect.setText("Charges " + f.money(price.getValue().multiply(quantity.getValue()),
                        account.currency()) + " before tax, invoiced on " + f.date(on.getValue())
                        + (finance.today().equals(on.getValue()) ? " (at once)" : "")
                        + "; the rule pack decides the tax.");
            }
        };
        price.addValueChangeListener(e -> explain.run());
        quantity.addValueChangeListener(e -> explain.run());
        on.addValueChangeListener(e -> explain.run());
        Button confirm = new Button("Charge", e -> {
            if (description.getValue().isBlank()) {
                description.setInvalid(true);
                description.setErrorMessage("Say what is charged");
                return;
            }
            if (price.getValue() == null || price.getValue().signum() <= 0) {
                price.setInvalid(true);
                price.setErrorMessage("Enter a price above zero");
                return;
            }
            act(dialog, price, () -> finance.oneOffCharge(accountId, description.getValue(), quantity.getValue(),
                    price.getValue(), on.getValue()), "Charge entered");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(description, quantity, price, on, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    /** A goodwill credit by hand, with its reason; the next invoices use it. */
    private void creditDialog(AccountView account, AccountBalance balance) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Give " + account.name() + " credit");
        BigDecimalField amount = new BigDecimalField("Amount (" + account.currency() + ")");
        amount.setId("credit-amount");
        TextField reason = new TextField("Reason (kept with the credit)");
        reason.setMaxLength(500);
        reason.setId("credit-reason");
        Paragraph effect = new Paragraph();
        effect.setId("credit-effect");
        amount.addValueChangeListener(e -> {
            BigDecimal a = e.getValue();
            effect.setText(a == null || a.signum() <= 0 ? "" : "The account's credit goes from "
                    + f.money(balance.credit(), account.currency()) + " to "
                    + f.money(balance.credit().add(a), account.currency()) + "; its next invoices use it.");
        });
        Button confirm = new Button("Give credit", e -> {
            if (amount.getValue() == null || amount.getValue().signum() <= 0) {
                amount.setInvalid(true);
                amount.setErrorMessage("Enter an amount above zero");
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why the customer gets it");
                return;
            }
            try {
                finance.giveCredit(accountId, amount.getValue(), reason.getValue());
                dialog.close();
                Ui.done("Credit of " + f.money(amount.getValue(), account.currency()) + " given to " + account.name());
                render();
            } catch (RuntimeException ex) {
                amount.setInvalid(true);
                amount.setErrorMessage(Ui.reason(ex));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-credit");
        dialog.add(new VerticalLayout(amount, reason, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    /**
     * Automatic invoicing of the account (Kill Bill's AUTO_INVOICING_OFF): its state, and for those who may act a
     * button to switch it, with a confirm dialog that says what switching does.
     */
    private HorizontalLayout automaticInvoicing(AccountView account) {
        var state = finance.automaticInvoicing(accountId);
        Span text = new Span(state.off()
                ? "Automatic invoicing is off since " + Ui.date(state.offSince()) + ": billing runs hold its invoices."
                : "Automatic invoicing is on.");
        text.setId("automatic-invoicing-state");
        HorizontalLayout row = new HorizontalLayout(Ui.badge(state.off() ? "INVOICING OFF" : "INVOICING ON"), text);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (finance.mayAct()) {
            Button toggle = new Button(state.off() ? "Switch automatic invoicing on" : "Switch automatic invoicing off",
                    e -> automaticInvoicingDialog(account, !state.off()));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            toggle.setId("switch-automatic-invoicing");
            row.add(toggle);
        }
        return row;
    }

    private void automaticInvoicingDialog(AccountView account, boolean switchOff) {
        Dialog dialog = new Dialog((switchOff ? "Switch off" : "Switch on") + " automatic invoicing of "
                + account.name());
        Paragraph effect = new Paragraph(switchOff
                ? "Billing runs will hold this customer's invoices: nothing is issued and nothing is lost until "
                + "automatic invoicing is switched back on."
                : "Everything held is invoiced now, on one invoice of today; then billing carries on as usual.");
        TextField reason = new TextField("Reason (optional)");
        reason.setMaxLength(500);
        reason.setId("automatic-invoicing-reason");
        Button confirm = new Button(switchOff ? "Switch off" : "Switch on", e -> {
            try {
                int issued = finance.switchAutomaticInvoicing(accountId, !switchOff, reason.getValue());
                dialog.close();
                Ui.done("Automatic invoicing of " + account.name() + " switched " + (switchOff ? "off" : "on")
                        + (issued > 0 ? "; " + issued + " invoice(s) issued" : ""));
                render();
            } catch (RuntimeException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(Ui.reason(ex));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-automatic-invoicing");
        VerticalLayout body = new VerticalLayout(effect);
        if (switchOff) {
            body.add(reason);
        }
        dialog.add(body);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void couponDialog() {
        Dialog dialog = new Dialog("Apply a coupon");
        TextField code = new TextField("Coupon code (from the rule pack's coupon table)");
        code.setMaxLength(64);
        Button confirm = new Button("Apply", e -> {
            if (code.getValue().isBlank()) {
                code.setInvalid(true);
                code.setErrorMessage("Enter a code");
                return;
            }
            act(dialog, code, () -> finance.redeemCoupon(accountId, code.getValue().trim()),
                    "Coupon " + code.getValue().trim() + " applied; it discounts the next invoices");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(code, new Paragraph("The discount applies to invoices from the next one on, "
                + "for as many periods as the coupon gives.")));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    // ---- other tabs ----

    private Component usage(AccountView account, MoneyFormat f) {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        boolean any = false;
        for (SubscriptionView s : finance.subscriptions(accountId)) {
            Optional<UsageEstimates.Estimate> estimate;
            try {
                estimate = finance.usageEstimate(s.subscriptionId().value());
            } catch (RuntimeException e) {
                continue;
            }
            if (estimate.isEmpty() || estimate.get().lines().isEmpty()) {
                continue;
            }
            any = true;
            UsageEstimates.Estimate e = estimate.get();
            v.add(new H4(s.plan() + " · current period " + f.period(e.from(), e.to()) + " · estimate "
                    + f.money(e.amount(), e.currency()) + " + tax " + f.money(e.taxAmount(), e.currency())));
            Grid<UsageEstimates.Line> grid = new Grid<>();
            grid.addColumn(UsageEstimates.Line::meter).setHeader("Meter");
            grid.addColumn(l -> f.number(l.quantity()) + " " + (l.unit() == null ? "" : l.unit())).setHeader("So far");
            grid.addColumn(UsageEstimates.Line::transactions).setHeader("Events");
            grid.addColumn(l -> f.money(l.amount(), e.currency())).setHeader("Estimate")
                    .setTextAlign(ColumnTextAlign.END);
            grid.setItems(e.lines());
            grid.setAllRowsVisible(true);
            v.add(grid);
        }
        if (!any) {
            v.add(new Paragraph("No metered usage in the current periods. Usage arrives over the API "
                    + "(POST /api/v1/usage) and is rated on the plan's usage charges."));
        }
        return v;
    }

    private Component invoices(MoneyFormat f) {
        List<InvoiceListing.Row> rows = finance.invoices(InvoiceListing.Filter.ofAccount(accountId), null, 0, 200)
                .items();
        if (rows.isEmpty()) {
            return new Paragraph("No invoices yet. The next billing run invoices what is due (Billing runs).");
        }
        Grid<InvoiceListing.Row> grid = new Grid<>();
        grid.addColumn(r -> r.number() == null ? "(draft)" : r.number()).setHeader("Number").setAutoWidth(true);
        grid.addColumn(r -> f.date(r.invoiceDate())).setHeader("Date").setAutoWidth(true);
        grid.addComponentColumn(r -> Ui.badge(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> f.money(r.total(), r.currency())).setHeader("Total").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> f.money(r.amountDue(), r.currency())).setHeader("Due").setTextAlign(ColumnTextAlign.END);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(InvoicePage.class,
                new RouteParameters("invoiceId", e.getItem().invoiceId().toString()))));
        grid.setId("account-invoices");
        return grid;
    }

    private Component payments(MoneyFormat f) {
        List<FinanceActions.Applied> applied = finance.paymentsAndCreditNotes(accountId);
        if (applied.isEmpty()) {
            return new Paragraph("No payments or credit notes yet. Record a payment from an invoice's page.");
        }
        Grid<FinanceActions.Applied> grid = new Grid<>();
        grid.addColumn(a -> a.payment() != null ? f.date(a.payment().onDate()) : f.date(a.creditNote().issuedOn()))
                .setHeader("On").setAutoWidth(true);
        grid.addColumn(a -> a.payment() != null ? ("REFUND".equalsIgnoreCase(a.payment().kind()) ? "Refund" : "Payment")
                : "Credit note " + a.creditNote().number()).setHeader("What").setAutoWidth(true);
        grid.addColumn(FinanceActions.Applied::invoiceNumber).setHeader("Invoice").setAutoWidth(true);
        grid.addColumn(a -> a.payment() != null ? a.payment().reference() : a.creditNote().reason())
                .setHeader("Reference / reason").setFlexGrow(1);
        grid.addColumn(a -> a.payment() != null ? f.money(a.payment().amount(), a.payment().currency())
                : f.money(a.creditNote().amount(), a.creditNote().currency())).setHeader("Amount")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(applied);
        grid.setAllRowsVisible(true);
        grid.setId("account-payments");
        return grid;
    }

    private Component dunning(StandingView standing, MoneyFormat f) {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        var fig = standing.figures();
        v.add(new Paragraph("State " + standing.state() + " since " + f.date(standing.since())
                + (fig == null ? "" : " · unpaid " + f.money(fig.unpaidBalance(), fig.currency()) + " on "
                + fig.unpaidInvoices() + " invoice(s), " + fig.daysPastDue() + " days past due")
                + (standing.rules().isEmpty() ? "" : " · decided by " + String.join(", ", standing.rules()))));
        List<StandingChange> history = finance.standingHistory(accountId);
        if (history.isEmpty()) {
            v.add(new Paragraph("No dunning history: the customer has always been in good standing."));
            return v;
        }
        Grid<StandingChange> grid = new Grid<>();
        grid.addColumn(c -> f.date(c.on())).setHeader("On").setAutoWidth(true);
        grid.addColumn(c -> c.from() + " → " + c.to()).setHeader("Change").setAutoWidth(true);
        grid.addColumn(c -> c.daysPastDue() + " days, " + c.unpaidInvoices() + " unpaid").setHeader("Figures");
        grid.addColumn(c -> String.join(", ", c.rules())).setHeader("Rules").setFlexGrow(1);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        v.add(grid);
        return v;
    }

    private Component related() {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        Optional<AccountView> parent = finance.parentOf(accountId);
        v.add(parent.<Component>map(p -> new Div(new Span("Parent account: "), new RouterLink(p.name(),
                AccountPage.class, new RouteParameters("accountId", p.accountId().value().toString()))))
                .orElse(new Paragraph("No parent account.")));
        List<AccountListing.Row> children = finance.children(accountId);
        if (children.isEmpty()) {
            v.add(new Paragraph("No child accounts."));
        } else {
            v.add(new H4("Child accounts"));
            Function<AccountListing.Row, Component> link = r -> new RouterLink(r.name(), AccountPage.class,
                    new RouteParameters("accountId", r.accountId().toString()));
            children.forEach(c -> v.add(link.apply(c)));
        }
        return v;
    }
}
