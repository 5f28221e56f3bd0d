package org.ratebook.console.invoices;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Emphasis;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.finance.Facts;
import org.ratebook.console.finance.FinanceActions;
import org.ratebook.console.finance.Ui;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.pdf.InvoicePdfRenderer;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.PaymentView;
import org.ratebook.engine.invoicing.query.TaxSubtotal;
import org.ratebook.rules.money.MoneyFormat;
import org.ratebook.tenants.Role;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One invoice as the finance team reads it: what it asks for and what is still due, its lines, tax per rate,
 * payments and credit notes, the PDF, and for every line why it is what it is, as sentences with named values.
 * Analysts record payments, refunds and credit notes and void it here, each confirmed with its effect first.
 */
@Route(value = "invoices/:invoiceId", layout = MainLayout.class)
@PageTitle("Invoice · Ratebook")
@RolesAllowed({Role.Names.ANALYST, Role.Names.AUDITOR, Role.Names.TENANT_ADMIN})
public class InvoicePage extends VerticalLayout implements BeforeEnterObserver {

    private final FinanceActions finance;
    private final InvoicePdfRenderer pdf;
    private UUID invoiceId;

    InvoicePage(FinanceActions finance, InvoicePdfRenderer pdf) {
        this.finance = finance;
        this.pdf = pdf;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            invoiceId = UUID.fromString(event.getRouteParameters().get("invoiceId").orElse(""));
        } catch (IllegalArgumentException e) {
            invoiceId = null;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new RouterLink("← All invoices", InvoicesView.class));
        InvoiceView invoice = invoiceId == null ? null : finance.invoice(invoiceId).orElse(null);
        if (invoice == null) {
            add(new H2("No such invoice"), new Paragraph("It may belong to another seller, or the link is wrong."));
            return;
        }
        MoneyFormat f = Ui.format();
        String c = invoice.currency();
        H2 title = new H2(invoice.number() == null ? "Draft invoice (not numbered yet)" : "Invoice " + invoice.number());
        title.setId("invoice-title");
        HorizontalLayout head = new HorizontalLayout(title, Ui.badge(invoice.status()));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(head);

        RouterLink customer = new RouterLink(invoice.buyer().name(), org.ratebook.console.customers.AccountPage.class,
                new RouteParameters("accountId", invoice.accountId().toString()));
        customer.setId("invoice-customer");
        add(new Div(new Span("Customer: "), customer, new Span(" · issued " + f.date(invoice.invoiceDate())
                + (invoice.dueDate() == null ? "" : " · due " + f.date(invoice.dueDate()))
                + " · rule pack " + invoice.packName() + " v" + invoice.packVersion())));

        Div amounts = new Div();
        amounts.setId("invoice-amounts");
        amounts.add(figure("Total", f.money(invoice.total(), c)), figure("Paid", f.money(invoice.amountPaid(), c)),
                figure("Credited", f.money(invoice.amountCredited(), c)));
        Div due = figure("Amount due", f.money(invoice.balance(), c));
        due.setId("invoice-amount-due");
        amounts.add(due);
        amounts.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)");
        add(amounts);

        Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = pdf.render(finance.invoice(invoiceId).orElseThrow());
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    (invoice.number() == null ? "draft-" + invoice.invoiceId() : invoice.number()) + ".pdf",
                    "application/pdf", bytes.length);
        }), "Download PDF");
        download.setId("invoice-pdf");
        // the audit's pages (org.ratebook.console.audit) check their own roles
        Anchor rederive = new Anchor("audit/invoices/" + invoice.invoiceId(), "Re-derive");
        rederive.setId("invoice-rederive");
        Anchor timeline = new Anchor("audit/" + invoice.accountId(), "Customer timeline");
        timeline.setId("invoice-timeline");
        HorizontalLayout actions = new HorizontalLayout(download, rederive, timeline);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        boolean open = !"VOID".equals(invoice.status()) && !invoice.isDraft();
        if (finance.mayAct() && open) {
            Button pay = new Button("Record payment", e -> paymentDialog(invoice));
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pay.setId("record-payment");
            Button credit = new Button("Issue credit note", e -> creditNoteDialog(invoice));
            credit.setId("issue-credit-note");
            Button adjust = new Button("Adjust line", e -> adjustLineDialog(invoice));
            adjust.setId("adjust-line");
            actions.add(pay, credit, adjust);
            if (invoice.amountPaid().signum() > 0) {
                Button refund = new Button("Refund", e -> refundDialog(invoice));
                refund.setId("refund");
                actions.add(refund);
            } else {
                Button voidIt = new Button("Void", e -> voidDialog(invoice));
                voidIt.addThemeVariants(ButtonVariant.LUMO_ERROR);
                voidIt.setId("void-invoice");
                actions.add(voidIt);
            }
        }
        add(actions);

        add(new H3("Lines"), lines(invoice, f));
        add(new H3("Tax per rate"), taxes(invoice, f));
        List<PaymentView> payments = finance.payments(invoiceId);
        add(new H3("Payments and refunds"));
        add(payments.isEmpty() ? new Paragraph("No payment recorded yet.") : paymentsGrid(payments, f));
        List<CreditNoteView> notes = finance.creditNotes(invoiceId);
        add(new H3("Credit notes"));
        add(notes.isEmpty() ? new Paragraph("No credit note issued.") : creditNotesGrid(notes, f));
        add(why(invoice, f));
    }

    private static Div figure(String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span v = new Span(value);
        v.addClassName("figure-value");
        v.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Div d = new Div(l, new Div(v));
        d.addClassName("figure");
        return d;
    }

    private static Grid<InvoiceLineView> lines(InvoiceView invoice, MoneyFormat f) {
        String c = invoice.currency();
        Grid<InvoiceLineView> grid = new Grid<>();
        grid.addColumn(InvoiceLineView::lineNo).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InvoiceLineView::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(l -> f.period(l.periodFrom(), l.periodTo())).setHeader("Period").setAutoWidth(true);
        grid.addColumn(l -> f.number(l.quantity())).setHeader("Qty").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> f.money(l.unitPrice(), c)).setHeader("Unit price").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> f.money(l.amount(), c)).setHeader("Amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(InvoiceLineView::taxLabel).setHeader("Tax").setAutoWidth(true);
        grid.addColumn(l -> f.money(l.taxAmount(), c)).setHeader("Tax amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.setItems(invoice.lines());
        grid.setAllRowsVisible(true);
        grid.setId("invoice-lines");
        return grid;
    }

    private static Grid<TaxSubtotal> taxes(InvoiceView invoice, MoneyFormat f) {
        Grid<TaxSubtotal> grid = new Grid<>();
        grid.addColumn(TaxSubtotal::label).setHeader("Tax").setFlexGrow(1);
        grid.addColumn(t -> f.percent(t.rate())).setHeader("Rate").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(t -> f.money(t.taxableAmount(), invoice.currency())).setHeader("Taxed amount")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(t -> f.money(t.taxAmount(), invoice.currency())).setHeader("Tax")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(invoice.taxes());
        grid.setAllRowsVisible(true);
        grid.setId("tax-summary");
        return grid;
    }

    private static Grid<PaymentView> paymentsGrid(List<PaymentView> payments, MoneyFormat f) {
        Grid<PaymentView> grid = new Grid<>();
        grid.addColumn(p -> f.date(p.onDate())).setHeader("On").setAutoWidth(true);
        grid.addColumn(p -> "REFUND".equalsIgnoreCase(p.kind()) ? "Refund" : "Payment").setHeader("Kind");
        grid.addColumn(PaymentView::method).setHeader("Method");
        grid.addColumn(PaymentView::reference).setHeader("Reference").setFlexGrow(1);
        grid.addColumn(p -> f.money(p.amount(), p.currency())).setHeader("Amount").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> f.money(p.overpaid(), p.currency())).setHeader("To account credit")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(payments);
        grid.setAllRowsVisible(true);
        grid.setId("invoice-payments");
        return grid;
    }

    private static Grid<CreditNoteView> creditNotesGrid(List<CreditNoteView> notes, MoneyFormat f) {
        Grid<CreditNoteView> grid = new Grid<>();
        grid.addColumn(CreditNoteView::number).setHeader("Number").setAutoWidth(true);
        grid.addColumn(n -> f.date(n.issuedOn())).setHeader("Issued").setAutoWidth(true);
        grid.addColumn(CreditNoteView::reason).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(n -> n.adjustedLine() == null ? "whole invoice" : "line " + n.adjustedLine())
                .setHeader("Adjusts").setAutoWidth(true);
        grid.addColumn(n -> f.money(n.amount(), n.currency())).setHeader("Amount").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(n -> f.money(n.toAccountCredit(), n.currency())).setHeader("To account credit")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(notes);
        grid.setAllRowsVisible(true);
        grid.setId("invoice-credit-notes");
        return grid;
    }

    /** Why each line is what it is, then every rule fired with the facts it matched as named values. */
    private Div why(InvoiceView invoice, MoneyFormat f) {
        Div why = new Div(new H3("Why"));
        why.setId("why");
        String pack = "pack " + invoice.packName() + " v" + invoice.packVersion();
        for (InvoiceLineView line : invoice.lines()) {
            Paragraph p = new Paragraph();
            p.addClassName("why");
            String first = line.rules().isEmpty() ? "no rule" : line.rules().getFirst();
            p.add(new Span("Line " + line.lineNo() + " — decided by "), new Emphasis(first),
                    new Span(" (" + pack + "): " + line.description() + ", " + f.number(line.quantity()) + " × "
                            + f.money(line.unitPrice(), invoice.currency()) + " = "
                            + f.money(line.amount(), invoice.currency())
                            + (line.periodFrom() == null ? "" : ", period " + f.period(line.periodFrom(),
                            line.periodTo()))
                            + (line.rules().size() > 1 ? "; then " + String.join(" → ",
                            line.rules().subList(1, line.rules().size())) : "")
                            + "; tax: " + line.taxLabel() + "."));
            why.add(p);
        }
        VerticalLayout trace = new VerticalLayout();
        trace.setPadding(false);
        trace.setSpacing(false);
        for (RuleFiring firing : finance.trace(invoiceId)) {
            Div rule = new Div();
            rule.addClassName("trace-rule");
            rule.add(new Span(firing.order() + ". "), new Emphasis(firing.rule()),
                    new Span(" (" + firing.category() + ") matched:"));
            for (String matched : firing.matched()) {
                Div fact = new Div(new Span(Facts.parse(matched).sentence()));
                fact.addClassName("trace-fact");
                fact.getStyle().set("padding-left", "var(--lumo-space-l)")
                        .set("font-size", "var(--lumo-font-size-s)");
                rule.add(fact);
            }
            trace.add(rule);
        }
        Details details = new Details("Every rule fired, with the facts it matched", trace);
        details.setId("decision-trace");
        why.add(details);
        return why;
    }

    // ---- actions, each confirmed with what it will do ----

    private void paymentDialog(InvoiceView invoice) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Record a payment on " + invoice.number());
        BigDecimalField amount = new BigDecimalField("Amount received (" + invoice.currency() + ")");
        amount.setValue(invoice.balance());
        amount.setId("payment-amount");
        DatePicker on = new DatePicker("Received on", finance.today());
        TextField reference = new TextField("Reference (bank transfer, cheque)");
        reference.setMaxLength(200);
        Paragraph effect = new Paragraph();
        effect.setId("payment-effect");
        Runnable explain = () -> {
            BigDecimal a = amount.getValue();
            if (a == null || a.signum() <= 0) {
                effect.setText("Enter the amount received.");
                return;
            }
            BigDecimal left = invoice.balance().subtract(a);
            effect.setText("Records " + f.money(a, invoice.currency()) + " received; the invoice then asks for "
                    + f.money(left.max(BigDecimal.ZERO), invoice.currency())
                    + (left.signum() < 0 ? " and " + f.money(left.negate(), invoice.currency())
                    + " becomes account credit." : (left.signum() == 0 ? " and is paid." : ".")));
        };
        amount.addValueChangeListener(e -> explain.run());
        explain.run();
        Button confirm = new Button("Record payment", e -> {
            BigDecimal a = amount.getValue();
            if (a == null || a.signum() <= 0) {
                amount.setInvalid(true);
                amount.setErrorMessage("Enter an amount above zero");
                return;
            }
            try {
                finance.recordPayment(invoiceId, a, on.getValue(), reference.getValue());
                dialog.close();
                Ui.done("Payment of " + f.money(a, invoice.currency()) + " recorded on " + invoice.number());
                render();
            } catch (RuntimeException ex) {
                amount.setInvalid(true);
                amount.setErrorMessage(Ui.reason(ex));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-payment");
        dialog.add(new VerticalLayout(amount, on, reference, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void creditNoteDialog(InvoiceView invoice) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Credit note against " + invoice.number());
        BigDecimalField amount = new BigDecimalField("Amount to credit, tax included (" + invoice.currency() + ")");
        TextField reason = new TextField("Reason (printed on the credit note)");
        reason.setMaxLength(500);
        Paragraph effect = new Paragraph();
        amount.addValueChangeListener(e -> {
            BigDecimal a = e.getValue();
            if (a != null && a.signum() > 0) {
                BigDecimal toInvoice = a.min(invoice.balance().max(BigDecimal.ZERO));
                effect.setText("Issues a numbered credit note of " + f.money(a, invoice.currency()) + ": "
                        + f.money(toInvoice, invoice.currency()) + " off what the invoice asks for"
                        + (a.compareTo(toInvoice) > 0 ? ", " + f.money(a.subtract(toInvoice), invoice.currency())
                        + " as account credit." : "."));
            }
        });
        Button confirm = new Button("Issue credit note", e -> {
            if (amount.getValue() == null || amount.getValue().signum() <= 0) {
                amount.setInvalid(true);
                amount.setErrorMessage("Enter an amount above zero");
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why: it is printed on the credit note");
                return;
            }
            try {
                finance.creditNote(invoiceId, amount.getValue(), reason.getValue());
                dialog.close();
                Ui.done("Credit note issued against " + invoice.number());
                render();
            } catch (RuntimeException ex) {
                amount.setInvalid(true);
                amount.setErrorMessage(Ui.reason(ex));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(amount, reason, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    /**
     * An item adjustment: one line, part or all of it before tax, its credit note previewed (tax at the line's
     * rate, from the same function the invoice uses) before the seller confirms.
     */
    private void adjustLineDialog(InvoiceView invoice) {
        MoneyFormat f = Ui.format();
        String c = invoice.currency();
        Dialog dialog = new Dialog("Adjust a line of " + invoice.number());
        com.vaadin.flow.component.select.Select<InvoiceLineView> line = new com.vaadin.flow.component.select.Select<>();
        line.setLabel("Line");
        line.setItems(invoice.lines().stream().filter(l -> l.amount().signum() > 0 && !"CREDIT".equals(l.itemType()))
                .toList());
        line.setItemLabelGenerator(l -> l.lineNo() + ". " + l.description() + " (" + f.money(l.amount(), c) + ")");
        line.setId("adjust-line-select");
        BigDecimalField amount = new BigDecimalField("Amount before tax (" + c + ")");
        amount.setHelperText("Empty: all the line still has");
        amount.setId("adjust-amount");
        // the preview follows the amount while it is typed, not only when the field is left
        amount.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        line.setWidthFull();
        amount.setWidthFull();
        TextField reason = new TextField("Reason (printed on the credit note)");
        reason.setMaxLength(500);
        reason.setId("adjust-reason");
        reason.setWidthFull();
        Paragraph effect = new Paragraph();
        effect.setId("adjust-preview");
        Runnable preview = () -> {
            line.setInvalid(false);
            if (line.getValue() == null) {
                effect.setText("");
                return;
            }
            try {
                var decided = finance.previewAdjustment(invoiceId, line.getValue().lineNo(), amount.getValue());
                effect.setText("Issues a credit note of " + f.money(decided.gross(), c) + " for line "
                        + decided.lineNo() + ": " + f.money(decided.net(), c) + " and " + f.money(decided.tax(), c)
                        + " tax (" + line.getValue().taxLabel() + "). "
                        + (invoice.balance().compareTo(decided.gross()) >= 0 ? "It comes off what the invoice asks for."
                        : "What was already paid becomes account credit."));
            } catch (RuntimeException ex) {
                effect.setText("");
                line.setInvalid(true);
                line.setErrorMessage(Ui.reason(ex));
            }
        };
        line.addValueChangeListener(e -> preview.run());
        amount.addValueChangeListener(e -> preview.run());
        Button confirm = new Button("Issue credit note", e -> {
            if (line.getValue() == null) {
                line.setInvalid(true);
                line.setErrorMessage("Choose the line to adjust");
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why: it is printed on the credit note");
                return;
            }
            com.vaadin.flow.component.confirmdialog.ConfirmDialog sure =
                    new com.vaadin.flow.component.confirmdialog.ConfirmDialog("Issue this credit note?",
                            effect.getText(), "Yes, issue it", ok -> {
                        try {
                            finance.adjustLine(invoiceId, line.getValue().lineNo(), amount.getValue(),
                                    reason.getValue());
                            dialog.close();
                            Ui.done("Line " + line.getValue().lineNo() + " of " + invoice.number() + " adjusted");
                            render();
                        } catch (RuntimeException ex) {
                            amount.setInvalid(true);
                            amount.setErrorMessage(Ui.reason(ex));
                        }
                    }, "Back", back -> { });
            sure.setId("confirm-adjustment");
            sure.open();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("adjust-confirm");
        dialog.add(new VerticalLayout(line, amount, reason, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void refundDialog(InvoiceView invoice) {
        MoneyFormat f = Ui.format();
        Dialog dialog = new Dialog("Refund on " + invoice.number());
        BigDecimalField amount = new BigDecimalField("Amount to pay back (at most "
                + f.money(invoice.amountPaid(), invoice.currency()) + ")");
        TextField reason = new TextField("Reason");
        Paragraph effect = new Paragraph("Records money paid back to the customer; the invoice asks for that much "
                + "again.");
        Button confirm = new Button("Record refund", e -> {
            if (amount.getValue() == null || amount.getValue().signum() <= 0) {
                amount.setInvalid(true);
                amount.setErrorMessage("Enter an amount above zero");
                return;
            }
            try {
                finance.refund(invoiceId, amount.getValue(), reason.getValue());
                dialog.close();
                Ui.done("Refund recorded on " + invoice.number());
                render();
            } catch (RuntimeException ex) {
                amount.setInvalid(true);
                amount.setErrorMessage(Ui.reason(ex));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(amount, reason, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void voidDialog(InvoiceView invoice) {
        Dialog dialog = new Dialog("Void " + invoice.number() + "?");
        TextField reason = new TextField("Reason");
        Paragraph effect = new Paragraph("The invoice stops asking for " + Ui.money(invoice.balance(),
                invoice.currency()) + " and keeps its number; the next billing run bills its periods again.");
        Button confirm = new Button("Void invoice", e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why the invoice is voided");
                return;
            }
            try {
                finance.voidInvoice(invoiceId, reason.getValue());
                dialog.close();
                Ui.done(invoice.number() + " voided");
                render();
            } catch (RuntimeException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(Ui.reason(ex));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(reason, effect));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
