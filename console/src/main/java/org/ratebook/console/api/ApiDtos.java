package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.discount.projection.CouponRedemptionView;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.query.AccountBalance;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.PaymentView;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.invoicing.query.TaxSubtotal;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;

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
            @Schema(example = "DE811907980") String taxId,
            @Schema(example = "CA", description = "State or province for regional tax rates (ISO 3166-2 without the country)") String region,
            @Schema(description = "Buys as a business; default false") Boolean business,
            @Schema(description = "You checked the tax id (e.g. with VIES); Ratebook checks its format. Default false") Boolean taxIdValid,
            @Schema(description = "Exempt from tax; needs exemptionReason. Default false") Boolean taxExempt,
            @Schema(example = "charitable organisation, certificate 27/123/4567", description = "Printed on every invoice") String exemptionReason,
            @Schema(example = "education", description = "Customer segment, a lower-case word; the seller's pricing rules may choose a price list by it. Default none") String segment) {

        /** The tax details, if the request gives any. */
        TaxDetails tax() {
            if (region == null && business == null && taxIdValid == null && taxExempt == null && exemptionReason == null) {
                return null;
            }
            return new TaxDetails(region, Boolean.TRUE.equals(business), Boolean.TRUE.equals(taxIdValid),
                    Boolean.TRUE.equals(taxExempt), exemptionReason);
        }
    }

    public record TaxDetailsRequest(
            @Schema(example = "FR40303265045") String taxId,
            @Schema(example = "QC") String region,
            Boolean business,
            @Schema(description = "You checked the tax id (e.g. with VIES); Ratebook checks its format") Boolean taxIdValid,
            Boolean taxExempt,
            String exemptionReason) {

        TaxDetails tax() {
            return new TaxDetails(region, Boolean.TRUE.equals(business), Boolean.TRUE.equals(taxIdValid),
                    Boolean.TRUE.equals(taxExempt), exemptionReason);
        }
    }

    public record AccountResponse(UUID accountId, String name, String email, String currency, String country,
                                  String timeZone, Integer billCycleDay, List<String> addressLines, String taxId,
                                  LocalDate createdOn, String region, boolean business, boolean taxIdValid,
                                  boolean taxExempt, String exemptionReason,
                                  @Schema(example = "education", description = "Customer segment; null: none")
                                  String segment) {
        static AccountResponse of(AccountView a) {
            return new AccountResponse(a.accountId().value(), a.name(), a.email(), a.currency(), a.country(),
                    a.timeZone(), a.billCycleDay() == 0 ? null : a.billCycleDay(), a.addressLines(), a.taxId(),
                    a.createdOn(), a.tax().region(), a.tax().business(), a.tax().taxIdValid(), a.tax().taxExempt(),
                    a.tax().exemptionReason(), a.segment());
        }
    }

    public record SegmentRequest(
            @Schema(example = "education", description = "A lower-case word (letters, digits, - and _); null or blank: no segment")
            String segment) {
    }

    public record RedeemCouponRequest(@NotBlank @Schema(example = "WELCOME20") String code) {
    }

    public record CouponRedemptionResponse(String code, String kind, String value, String currency, String duration,
                                           @Schema(description = "Billing periods it discounts; 0 for ever") int periods,
                                           List<String> plans, LocalDate expiresOn, LocalDate redeemedOn,
                                           @Schema(description = "Invoices it has discounted (void ones do not count)") int periodsUsed,
                                           @Schema(description = "null: for ever") Integer periodsLeft,
                                           RulePackResponse rulePack) {
        static CouponRedemptionResponse of(CouponRedemptionView r) {
            return new CouponRedemptionResponse(r.coupon().code(), r.coupon().kind().name(), money(r.coupon().value()),
                    r.coupon().currency(), r.coupon().duration().name(), r.coupon().periods(), r.coupon().plans(),
                    r.coupon().expiresOn(), r.redeemedOn(), r.periodsUsed(), r.periodsLeft(),
                    new RulePackResponse(r.packName(), r.packVersion(), null));
        }
    }

    public record CreateSubscriptionRequest(
            @NotNull UUID accountId,
            @NotBlank @Schema(example = "Pro") String plan,
            @Schema(example = "1", description = "Seats, devices or users; default 1") Integer quantity,
            @Schema(description = "First day of service; default today in the account's time zone") LocalDate startDate,
            @Schema(example = "ENTERPRISE", description = "Price list to buy from, whatever the seller's rules would choose; default: the rules choose (else DEFAULT)")
            String priceList,
            @Schema(description = "For an add-on: the base subscription of the same account it belongs to; default: the account's only active base subscription")
            UUID baseSubscriptionId,
            @Schema(example = "14", description = "This subscription's free trial in days, instead of the plan's trial (Stripe's trial_period_days): 0 = no trial; default: the plan's trial. Only a plan with a trial phase can be given a trial longer than 0.")
            @Min(0) @Max(CreateSubscriptionCommand.MAX_TRIAL_DAYS) Integer trialDays) {
    }

    public record SubscriptionResponse(UUID subscriptionId, UUID accountId,
                                       @Schema(description = "The plan it is on, or will be on after a scheduled change")
                                       String plan, int quantity, String currency, LocalDate startDate,
                                       int billCycleDay,
                                       @Schema(example = "ACTIVE", description = "ACTIVE, PAUSED or CANCELLED")
                                       String state,
                                       @Schema(description = "The day a cancellation takes or took effect")
                                       LocalDate endsOn, LocalDate pausedFrom,
                                       @Schema(description = "What it bills from each day on; a null phase bills nothing")
                                       List<TimelineEntry> timeline,
                                       @Schema(description = "The price list it named; null: the seller's rules choose")
                                       String priceList,
                                       @Schema(description = "The day it signed up for its plan and the rule pack version then in effect (for prices kept after a rise)")
                                       LocalDate signedOn, Integer signedPackVersion,
                                       @Schema(example = "BASE", description = "BASE, ADD_ON or STANDALONE")
                                       String productType,
                                       @Schema(description = "An add-on's base subscription")
                                       UUID baseSubscriptionId) {
        static SubscriptionResponse of(SubscriptionView s) {
            return new SubscriptionResponse(s.subscriptionId().value(), s.accountId().value(), s.plan(),
                    s.quantity(), s.currency(), s.startDate(), s.billCycleDay(), s.state(), s.endsOn(),
                    s.pausedFrom(), s.phases().stream().map(p -> new TimelineEntry(p.from(), p.plan(), p.phase(),
                            p.quantity())).toList(), s.priceList(), s.signedOn(), s.signedPackVersion(),
                    s.productType().name(),
                    s.baseSubscriptionId() == null ? null : s.baseSubscriptionId().value());
        }
    }

    public record TimelineEntry(LocalDate from, String plan, String phase, Integer quantity) {
    }

    @Schema(description = "When a change without a date takes effect; left out, the seller's change policy rules decide")
    public enum Timing { IMMEDIATE, END_OF_TERM }

    @Schema(description = "Stripe's proration_behavior: ALWAYS_INVOICE invoices the proration on the day of the change, "
            + "CREATE_PRORATIONS carries it to the next billing day's invoice, NONE bills the new price from the next "
            + "period without proration")
    public enum ProrationBehaviour { ALWAYS_INVOICE, CREATE_PRORATIONS, NONE }

    public record ChangePlanRequest(
            @NotBlank @Schema(example = "Starter") String plan,
            Timing timing,
            @Schema(description = "The day it takes effect (today or later); overrides timing") LocalDate effectiveOn,
            @Schema(example = "EDU", description = "Price list the new plan is bought from from then on; default: the subscription's own list (or the seller's rules choose). Unknown list: 422")
            String priceList,
            @Schema(description = "What a change in the middle of a paid period does with its proration; left out, the seller's change policy rules decide (invoiced at once if none does)")
            ProrationBehaviour prorationBehaviour) {

        public ChangePlanRequest(String plan, Timing timing, LocalDate effectiveOn) {
            this(plan, timing, effectiveOn, null, null);
        }

        public ChangePlanRequest(String plan, Timing timing, LocalDate effectiveOn, String priceList) {
            this(plan, timing, effectiveOn, priceList, null);
        }
    }

    public record ChangeQuantityRequest(
            @NotNull @Schema(example = "10") Integer quantity,
            Timing timing,
            @Schema(description = "The day it takes effect (today or later); overrides timing") LocalDate effectiveOn,
            @Schema(description = "As for a plan change") ProrationBehaviour prorationBehaviour) {

        public ChangeQuantityRequest(Integer quantity, Timing timing, LocalDate effectiveOn) {
            this(quantity, timing, effectiveOn, null);
        }
    }

    public record CancelRequest(
            Timing timing,
            @Schema(description = "The day it takes effect (today or later); overrides timing") LocalDate effectiveOn) {
    }

    public record PauseOrResumeRequest(
            @Schema(description = "The day it takes effect (today or later); default today") LocalDate effectiveOn) {
    }

    public record ParentRequest(@NotNull UUID parentAccountId,
                                @Schema(description = "Send this account's charges to the parent's invoice") Boolean invoiceParent) {
    }

    public record ParentResponse(UUID accountId, UUID parentAccountId, boolean invoiceParent) {
    }

    public record OneOffChargeRequest(
            @Schema(description = "Your id for this charge; sending it again charges nothing twice") String reference,
            @NotBlank @Schema(example = "Server setup") String description,
            @Schema(example = "1", description = "default 1") BigDecimal quantity,
            @NotNull @Schema(example = "150.00", description = "Price of one unit, a decimal string") BigDecimal unitPrice,
            @Schema(description = "Default: the account's currency; another is refused") String currency,
            @Schema(description = "The day whose invoice carries it (today or later); default today") LocalDate date) {
    }

    public record OneOffChargeResponse(UUID chargeId, String description, String quantity, String unitPrice,
                                       String currency, LocalDate date, boolean added, List<InvoiceSummary> invoiced) {
    }

    @Schema(description = "An invoice as a billing run would issue it: no number yet, nothing recorded")
    public record InvoicePreview(UUID accountId, LocalDate invoiceDate, LocalDate dueDate, String currency,
                                 List<InvoiceLineResponse> lines, String subtotal, String tax, String total,
                                 RulePackResponse rulePack) {
        static InvoicePreview of(IssueInvoiceCommand c) {
            java.math.BigDecimal subtotal = c.lines().stream().map(InvoiceLine::amount)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            java.math.BigDecimal tax = c.lines().stream().map(InvoiceLine::taxAmount)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            return new InvoicePreview(c.accountId().value(), c.invoiceDate(), c.dueDate(), c.currency(),
                    c.lines().stream().map(l -> new InvoiceLineResponse(l.lineNo(),
                            l.subscriptionId() == null ? null : l.subscriptionId().value(), l.itemType(),
                            l.description(), l.periodFrom(), l.periodTo(), money(l.quantity()), money(l.unitPrice()),
                            money(l.amount()), money(l.taxRate()), money(l.taxAmount()), l.taxLabel(), l.rules(),
                            l.discountOf(), l.coupon(), l.meter(), l.unit(),
                            l.tiers().stream().map(TierResponse::of).toList(), l.transactions(), null)).toList(),
                    money(subtotal), money(tax), money(subtotal.add(tax)),
                    new RulePackResponse(c.pack().name(), c.pack().version(), c.pack().hash()));
        }
    }

    public record ChangePreviewResponse(LocalDate effectiveOn, List<TimelineEntry> timeline,
                                        @Schema(description = "Invoices due up to the day the change takes effect, "
                                                + "as they would be with the change")
                                        List<InvoicePreview> invoices,
                                        @Schema(description = "When the change adds its proration to the next "
                                                + "invoice (CREATE_PRORATIONS): that invoice, as it would be; else "
                                                + "null")
                                        InvoicePreview nextInvoice) {
    }

    public record SubscriptionChangeResponse(SubscriptionResponse subscription,
                                             @Schema(description = "Invoices the change caused at once (repairs, "
                                                     + "new charges, a last span billed in arrear)")
                                             List<InvoiceSummary> invoiced) {
    }

    public record BillingRunRequest(
            @Schema(description = "Invoice everything due on or before this date; default today") LocalDate targetDate) {
    }

    public record BillingRunResponse(LocalDate targetDate, List<InvoiceSummary> issued, int alreadyInvoiced,
                                     List<String> problems,
                                     @Schema(description = "Accounts the run could not bill (a rule that failed, a "
                                             + "pack too slow, a command refused); every other account was billed")
                                     List<FailedAccount> failed) {
        static BillingRunResponse of(org.ratebook.engine.billing.BillingRunResult result,
                                     List<InvoiceSummary> issued) {
            return new BillingRunResponse(result.targetDate(), issued, result.alreadyInvoiced(), result.problems(),
                    result.failures().stream().map(f -> new FailedAccount(f.account().value(), f.invoiceDate(),
                            f.reason())).toList());
        }
    }

    /** An account a billing run left unbilled, the invoice date it was on (null: before any) and why. */
    public record FailedAccount(UUID accountId, LocalDate invoiceDate, String reason) {
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
                                      @Schema(description = "DISCOUNT lines: the line they discount") Integer discountOf,
                                      @Schema(description = "DISCOUNT lines: the coupon that gave them, if any") String coupon,
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
                    money(l.taxRate()), money(l.taxAmount()), l.taxLabel(), l.rules(), l.discountOf(), l.coupon(),
                    l.meter(), l.unit(), l.tiers().stream().map(TierResponse::of).toList(), l.transactions(),
                    l.usage() && invoiceId != null
                            ? "/api/v1/invoices/" + invoiceId + "/lines/" + l.lineNo() + "/usage" : null);
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

    /** One line of an invoice's tax summary: a tax, the amount it was charged on, and the tax. */
    public record TaxSubtotalResponse(String label, String rate, String taxableAmount, String taxAmount) {
        static TaxSubtotalResponse of(TaxSubtotal t) {
            return new TaxSubtotalResponse(t.label(), money(t.rate().stripTrailingZeros()), money(t.taxableAmount()),
                    money(t.taxAmount()));
        }
    }

    public record InvoiceResponse(UUID invoiceId, String number, UUID accountId, LocalDate invoiceDate,
                                  LocalDate dueDate, String status, String currency, String subtotal, String tax,
                                  String total, String amountPaid,
                                  @Schema(description = "Taken off by credit notes") String amountCredited,
                                  String balance,
                                  RulePackResponse rulePack, Party seller, Party buyer,
                                  List<InvoiceLineResponse> lines, String pdf,
                                  @Schema(description = "Tax summary: per tax and rate, the amount taxed and the tax") List<TaxSubtotalResponse> taxes) {
        static InvoiceResponse of(InvoiceView i) {
            return new InvoiceResponse(i.invoiceId(), i.number(), i.accountId(), i.invoiceDate(), i.dueDate(),
                    i.status(),
                    i.currency(), money(i.subtotal()), money(i.tax()), money(i.total()), money(i.amountPaid()),
                    money(i.amountCredited()), money(i.balance()),
                    new RulePackResponse(i.packName(), i.packVersion(), i.packHash()), i.seller(), i.buyer(),
                    i.lines().stream().map(l -> InvoiceLineResponse.of(i.invoiceId(), l)).toList(),
                    "/api/v1/invoices/" + i.invoiceId() + ".pdf",
                    i.taxes().stream().map(TaxSubtotalResponse::of).toList());
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

    public record CreditNoteRequest(
            @NotNull @Schema(example = "10.00", description = "Tax included, a decimal string") BigDecimal amount,
            @NotBlank @Schema(example = "Outage on 3 March: two days of service") String reason,
            @Schema(description = "Default: the invoice's currency; another is refused") String currency,
            @Schema(description = "Your id for it; sending it again issues nothing twice") String reference) {
    }

    public record CreditNoteResponse(String number, UUID invoiceId, String reference, String amount,
                                     String appliedToInvoice, String toAccountCredit, String currency, String reason,
                                     LocalDate issuedOn,
                                     @Schema(description = "For an item adjustment: the invoice line it adjusts") Integer adjustedLine) {
        static CreditNoteResponse of(org.ratebook.engine.invoicing.query.CreditNoteView c) {
            return new CreditNoteResponse(c.number(), c.invoiceId(), c.reference(), money(c.amount()),
                    money(c.appliedToInvoice()), money(c.toAccountCredit()), c.currency(), c.reason(), c.issuedOn(),
                    c.adjustedLine());
        }
    }

    public record ItemAdjustmentRequest(
            @Schema(example = "10.00", description = "Taken off the line before tax, a decimal string; omit it for all the line still has") BigDecimal amount,
            @jakarta.validation.constraints.Size(max = 500) @Schema(example = "Backup not delivered in March") String reason,
            @Schema(description = "Your id for it; sending it again issues nothing twice") String reference) {
    }

    public record ItemAdjustmentPreview(UUID invoiceId, int lineNo, String description,
                                        @Schema(description = "before tax") String amount, String tax, String total,
                                        String currency) {
    }

    public record VoidRequest(@NotBlank String reason) {
    }

    /** Why a draft is thrown away; optional. */
    public record DiscardRequest(String reason) {
    }

    public record PaymentResponse(String paymentId, String kind, String amount, String applied, String overpaid,
                                  String currency, LocalDate onDate, String method, String reference) {
        static PaymentResponse of(PaymentView p) {
            return new PaymentResponse(p.paymentId(), p.kind(), money(p.amount()), money(p.applied()),
                    money(p.overpaid()), p.currency(), p.onDate(), p.method(), p.reference());
        }
    }

    @Schema(description = "Switch the account's automatic invoicing off (Kill Bill's AUTO_INVOICING_OFF) or back on")
    public record AutomaticInvoicingRequest(
            @NotNull @Schema(example = "false", description = "false: billing runs hold the account's invoices; true: back on, and what was held is invoiced at once") Boolean on,
            @jakarta.validation.constraints.Size(max = 500) @Schema(example = "Contract under review", description = "Why it is switched off (optional)") String reason) {
    }

    public record AutomaticInvoicingResponse(UUID accountId,
                                             @Schema(description = "true while billing runs hold the account's invoices") boolean off,
                                             @Schema(description = "The account's day it was switched off; null while on") LocalDate offSince,
                                             @Schema(description = "The account's day it was last switched back on; null if never") LocalDate onSince,
                                             @Schema(description = "Invoices issued at once when switched back on (what was held)") List<InvoiceSummary> invoiced) {
    }

    public record AccountCreditRequest(
            @Schema(description = "Your id for this credit; sending it again changes nothing twice") String reference,
            @NotNull @Schema(example = "10.00", description = "A positive amount, a decimal string, in the currency's minor units at most") BigDecimal amount,
            @Schema(description = "Default: the account's currency; another is refused") String currency,
            @NotBlank @jakarta.validation.constraints.Size(max = 500) @Schema(example = "Outage on 3 March", description = "Why: kept with the credit and shown to the customer") String reason) {
    }

    public record CreditEntryResponse(String creditId, UUID accountId,
                                      @Schema(description = "GIVEN or TAKEN") String kind,
                                      @Schema(description = "positive given, negative taken back") String amount,
                                      String currency, String reason, LocalDate on, String by) {
        static CreditEntryResponse of(org.ratebook.engine.invoicing.query.CreditEntryView e) {
            return new CreditEntryResponse(e.creditId(), e.accountId(), e.kind(), money(e.amount()), e.currency(),
                    e.reason(), e.on(), e.by());
        }
    }

    public record AccountCreditResponse(String creditId, BalanceResponse balance) {
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
