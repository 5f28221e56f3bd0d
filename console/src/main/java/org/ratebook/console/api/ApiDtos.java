package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.query.AccountBalance;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.PaymentView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.subscription.projection.SubscriptionView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the API. Amounts are strings so no client parses money as a float. */
public final class ApiDtos {

    private ApiDtos() {
    }

    public record CreateAccountRequest(
            @NotBlank @Schema(example = "ACME GmbH") String name,
            @Schema(example = "billing@acme.example") String email,
            @NotBlank @Schema(example = "EUR", description = "ISO 4217 currency of all the account's invoices") String currency,
            @Schema(example = "DE") String country,
            @Schema(example = "Europe/Berlin", description = "IANA zone; billing dates are in it. Default UTC") String timeZone,
            @Schema(description = "Billing cycle day 1-31 (31 = month end); stored, alignment comes later") Integer billCycleDay,
            List<String> addressLines,
            @Schema(example = "DE811907980") String taxId) {
    }

    public record AccountResponse(UUID accountId, String name, String email, String currency, String country,
                                  String timeZone, Integer billCycleDay, List<String> addressLines, String taxId,
                                  LocalDate createdOn) {
        static AccountResponse of(AccountView a) {
            return new AccountResponse(a.accountId().value(), a.name(), a.email(), a.currency(), a.country(),
                    a.timeZone(), a.billCycleDay() == 0 ? null : a.billCycleDay(), a.addressLines(), a.taxId(),
                    a.createdOn());
        }
    }

    public record CreateSubscriptionRequest(
            @NotNull UUID accountId,
            @NotBlank @Schema(example = "Pro") String plan,
            @Schema(example = "1", description = "Seats, devices or users; default 1") Integer quantity,
            @Schema(description = "First day of service; default today in the account's time zone") LocalDate startDate) {
    }

    public record SubscriptionResponse(UUID subscriptionId, UUID accountId, String plan, int quantity,
                                       String currency, LocalDate startDate, int billCycleDay, String state) {
        static SubscriptionResponse of(SubscriptionView s) {
            return new SubscriptionResponse(s.subscriptionId().value(), s.accountId().value(), s.plan(),
                    s.quantity(), s.currency(), s.startDate(), s.billCycleDay(), s.state());
        }
    }

    public record BillingRunRequest(
            @Schema(description = "Invoice everything due on or before this date; default today") LocalDate targetDate) {
    }

    public record BillingRunResponse(LocalDate targetDate, List<InvoiceSummary> issued, int alreadyInvoiced,
                                     List<String> problems) {
    }

    public record InvoiceSummary(UUID invoiceId, String number, UUID accountId, LocalDate invoiceDate,
                                 String currency, String total) {
        static InvoiceSummary of(InvoiceView i) {
            return new InvoiceSummary(i.invoiceId(), i.number(), i.accountId(), i.invoiceDate(), i.currency(),
                    money(i.total()));
        }
    }

    public record RulePackResponse(String name, int version, String hash) {
    }

    public record InvoiceLineResponse(int lineNo, UUID subscriptionId, String itemType, String description,
                                      LocalDate periodFrom, LocalDate periodTo, String quantity, String unitPrice,
                                      String amount, String taxRate, String taxAmount, String taxLabel,
                                      @Schema(description = "Rules that produced this line, in firing order") List<String> rules,
                                      @Schema(description = "Usage lines: the meter billed") String meter,
                                      @Schema(description = "Usage lines: the unit the quantity is counted in") String unit,
                                      @Schema(description = "Usage lines: the tiers or parts that make the amount")
                                      List<TierResponse> tiers,
                                      @Schema(description = "Usage lines: usage events in the period when it was rated")
                                      Long transactions,
                                      @Schema(description = "Usage lines: where to list the transaction ids behind it")
                                      String usage) {
        static InvoiceLineResponse of(UUID invoiceId, InvoiceLineView l) {
            return new InvoiceLineResponse(l.lineNo(), l.subscriptionId(), l.itemType(), l.description(),
                    l.periodFrom(), l.periodTo(), money(l.quantity()), money(l.unitPrice()), money(l.amount()),
                    money(l.taxRate()), money(l.taxAmount()), l.taxLabel(), l.rules(), l.meter(), l.unit(),
                    l.tiers().stream().map(TierResponse::of).toList(), l.transactions(),
                    l.usage() ? "/api/v1/invoices/" + invoiceId + "/lines/" + l.lineNo() + "/usage" : null);
        }
    }

    /** A tier (or part: percentage, fees, markup) of a usage line; amounts are exact, before the line's rounding. */
    public record TierResponse(String label, String from, String to, String units, String unitPrice, String flatFee,
                               String amount) {
        static TierResponse of(UsageTierLine t) {
            return new TierResponse(t.label(), plain(t.from()), plain(t.to()), plain(t.units()), plain(t.unitPrice()),
                    plain(t.flatFee()), plain(t.amount()));
        }
    }

    public record InvoiceResponse(UUID invoiceId, String number, UUID accountId, LocalDate invoiceDate,
                                  LocalDate dueDate, String status, String currency, String subtotal, String tax,
                                  String total, String amountPaid, String balance,
                                  RulePackResponse rulePack, Party seller, Party buyer,
                                  List<InvoiceLineResponse> lines, String pdf) {
        static InvoiceResponse of(InvoiceView i) {
            return new InvoiceResponse(i.invoiceId(), i.number(), i.accountId(), i.invoiceDate(), i.dueDate(),
                    i.status(),
                    i.currency(), money(i.subtotal()), money(i.tax()), money(i.total()), money(i.amountPaid()),
                    money(i.balance()),
                    new RulePackResponse(i.packName(), i.packVersion(), i.packHash()), i.seller(), i.buyer(),
                    i.lines().stream().map(l -> InvoiceLineResponse.of(i.invoiceId(), l)).toList(),
                    "/api/v1/invoices/" + i.invoiceId() + ".pdf");
        }
    }

    public record PaymentRequest(
            @Schema(example = "49.00", description = "Decimal string; required for 'external', default open balance for 'gateway'") BigDecimal amount,
            @Schema(example = "EUR", description = "Default: the invoice's currency") String currency,
            @Schema(example = "external", allowableValues = {"external", "gateway"}) String method,
            @Schema(description = "Your id for this payment; sending it again records nothing twice") String paymentId,
            @Schema(description = "Default: today") LocalDate receivedOn,
            String reference) {
    }

    public record RefundRequest(@NotNull BigDecimal amount, @NotBlank String reason, String refundId) {
    }

    public record VoidRequest(@NotBlank String reason) {
    }

    public record PaymentResponse(String paymentId, String kind, String amount, String applied, String overpaid,
                                  String currency, LocalDate onDate, String method, String reference) {
        static PaymentResponse of(PaymentView p) {
            return new PaymentResponse(p.paymentId(), p.kind(), money(p.amount()), money(p.applied()),
                    money(p.overpaid()), p.currency(), p.onDate(), p.method(), p.reference());
        }
    }

    public record BalanceResponse(UUID accountId, String currency, String openInvoices, String credit,
                                  @Schema(description = "positive: the customer owes; negative: credit in their favour") String balance) {
        static BalanceResponse of(UUID accountId, AccountBalance b) {
            return new BalanceResponse(accountId, b.currency(), money(b.openInvoices()), money(b.credit()),
                    money(b.balance()));
        }
    }

    public record TraceResponse(UUID invoiceId, RulePackResponse rulePack, List<RuleFiring> fired) {
    }

    static String money(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** A quantity or price as written, without trailing zeros. */
    static String plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
