package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.api.limits.InputLimitException;
import org.ratebook.console.api.limits.InputLimits;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.rulepack.RulePackAuthoring;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.InvoiceDecision;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.TaxSettings;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/rule-packs")
@Tag(name = "Rule packs", description = "The versions of the tenant's rule pack, what each contains, and how a "
        + "change goes live: draft, edit, validate, simulate, approve by a second person, publish from a date, roll back")
public class RulePacksController {

    /**
     * A version's content as stored: the catalog rows (prices as decimal strings), the DRL sources, the other
     * tables by name (CSV as written: tax.rates, discount.coupons, …), the tax settings, and the usage charge and
     * tier tables (empty for a pack without usage charges), and the billing alignment (ACCOUNT, SUBSCRIPTION or
     * CALENDAR: which day billing periods start on).
     */
    public record RulePackContentResponse(int version, String name, String contentHash, List<PlanRow> plans,
                                          List<Source> sources, Map<String, String> tables,
                                          TaxSettings taxSettings, List<UsageChargeRow> usageCharges,
                                          List<UsageTierRow> usageTiers, String billingAlignment) {
    }

    /** A row of the usage charge table; blank cells are null, decimals as written. */
    public record UsageChargeRow(String charge, String name, String plan, String meter, String currency, String model,
                                 String unitPrice, String packageSize, String freeUnits, long freeEvents,
                                 String percentage, String transactionFee, String transactionMin,
                                 String transactionMax, String commitment, String markup) {
        static UsageChargeRow of(UsageCharge c) {
            return new UsageChargeRow(c.charge(), c.name(), c.plan(), c.meter(), c.currency(), c.model().name(),
                    text(c.unitPrice()), text(c.packageSize()), text(c.freeUnits()), c.freeEvents(),
                    text(c.percentage()), text(c.transactionFee()), text(c.transactionMin()), text(c.transactionMax()),
                    text(c.commitment()), text(c.markup()));
        }
    }

    /** A row of the usage tier table; {@code to} null means no end. */
    public record UsageTierRow(String charge, String from, String to, String unitPrice, String flatFee,
                               String packageSize, String percentage) {
        static UsageTierRow of(UsageTier t) {
            return new UsageTierRow(t.charge(), text(t.from()), text(t.to()), text(t.unitPrice()), text(t.flatFee()),
                    text(t.packageSize()), text(t.percentage()));
        }
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * A price table row; the billing period as the table writes it: MONTHLY, or a count and unit ("6 MONTHS");
     * {@code priceList} DEFAULT for the list that defines the plan, {@code productType} BASE unless said.
     */
    public record PlanRow(String plan, String product, String currency, String price, String billingPeriod,
                          String billingMode, String priceList, String productType) {
    }

    public record Source(String category, String name, String text) {
    }

    /** A draft made from {@code fromVersion}, or from the version in effect today when it is null. */
    public record DraftFromVersionRequest(Integer fromVersion) {
    }

    /** The version a step created, its state and who created it. */
    public record VersionCreated(int version, String status, String author, String contentHash) {
    }

    /** A problem the validator or the compiler found: the file, the line (0 when not known) and what to change. */
    public record Violation(String file, int line, String message) {
        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("(?s)(.+?) line (-?\\d+): (.*)");

        /** From the engine's {@code file line n: message}; a problem that names no file keeps its text whole. */
        static Violation of(String problem) {
            java.util.regex.Matcher m = FORM.matcher(problem);
            return m.matches() ? new Violation(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                    : new Violation(null, 0, problem);
        }
    }

    public record ValidationResponse(boolean valid, List<Violation> violations) {
        static ValidationResponse of(List<String> problems) {
            return new ValidationResponse(problems.isEmpty(), problems.stream().map(Violation::of).toList());
        }
    }

    public record PublishRequest(LocalDate effectiveFrom) {
    }

    /** A sample invoice: an existing account's subscriptions, or subscriptions for a country and currency. */
    public record SimulateRequest(UUID accountId, LocalDate date, String country, String currency,
                                  List<RulePackAuthoring.SampleSubscription> subscriptions, String expectedTotal) {
        public SimulateRequest(UUID accountId, LocalDate date, String country, String currency,
                               List<RulePackAuthoring.SampleSubscription> subscriptions) {
            this(accountId, date, country, currency, subscriptions, null);
        }
    }

    /**
     * A kept test: the simulation, the total it expected (none: the test only records the totals) and whether the
     * version met it; a failed test blocks approval until the version is tested again.
     */
    public record TestResponse(LocalDate date, String currency, SimulatedInvoice draft, SimulatedInvoice inEffect,
                               String expectedTotal, boolean passed, String failure) {
    }

    /** A decided line as an invoice shows it, with the rules that decided it. */
    public record SimulatedLine(String description, String subscription, String itemType, String quantity,
                                String amount, String coupon, String taxRate, String taxAmount, List<String> rules) {
        static SimulatedLine of(DecidedLine line) {
            return new SimulatedLine(line.description(), line.subscriptionId(), line.itemType(), text(line.quantity()),
                    text(line.amount()), line.coupon(), text(line.taxRate()), text(line.taxAmount()), line.rules());
        }
    }

    /** One pack's answer: lines, total and every rule that fired, or the problem that kept it from deciding. */
    public record SimulatedInvoice(String packName, Integer version, String total, List<SimulatedLine> lines,
                                   List<String> firedRules, String problem) {
        static SimulatedInvoice of(RulePackAuthoring.Outcome outcome) {
            if (outcome.decision() == null) {
                return new SimulatedInvoice(outcome.packName(), outcome.packName() == null ? null : outcome.version(),
                        null, List.of(), List.of(), outcome.problem());
            }
            InvoiceDecision d = outcome.decision();
            return new SimulatedInvoice(outcome.packName(), outcome.version(), outcome.total().toPlainString(),
                    d.lines().stream().map(SimulatedLine::of).toList(),
                    d.trace().fired().stream().map(f -> f.category() + ": " + f.rule()).toList(), null);
        }
    }

    public record SimulationResponse(LocalDate date, String currency, SimulatedInvoice draft,
                                     SimulatedInvoice inEffect) {
    }

    private final RulePackVersionsProjection versions;
    private final RulePackAuthoring authoring;

    public RulePacksController(RulePackVersionsProjection versions, RulePackAuthoring authoring) {
        this.versions = versions;
        this.authoring = authoring;
    }

    @RequiresScope(Scope.RULES)
    @PostMapping(value = "/drafts", consumes = {"application/zip", "application/octet-stream"})
    @Operation(summary = "Create a draft from a zip of a pack folder (as the export gives it)",
            description = "Saved as the next version, a draft authored by the caller, after the safety validator "
                    + "and the compiler accept every file. Refused with a 422 problem listing each violation "
                    + "(file, line, message); nothing is saved then.")
    public ResponseEntity<VersionCreated> draftFromZip(@RequestBody byte[] zip) {
        TenantId tenant = CurrentCaller.tenant();
        return created(tenant, authoring.draftFromZip(tenant, zip, CurrentCaller.name()));
    }

    @RequiresScope(Scope.RULES)
    @PostMapping(value = "/drafts", consumes = "application/json")
    @Operation(summary = "Create a draft from a version (by default the one in effect today)")
    public ResponseEntity<VersionCreated> draftFromVersion(@RequestBody(required = false) DraftFromVersionRequest request) {
        TenantId tenant = CurrentCaller.tenant();
        return created(tenant, authoring.draftFromVersion(tenant, request == null ? null : request.fromVersion(),
                CurrentCaller.name()));
    }

    @RequiresScope(Scope.RULES)
    @PutMapping(value = "/{version}/files/{*path}", consumes = {"text/plain", "text/csv", "application/octet-stream"})
    @Operation(summary = "Edit one file of a draft (a DRL file or a table, by its path in the folder)",
            description = "Saves the draft with the new file as the next version, authored by the caller (who may "
                    + "then not approve it). A new DRL file may be added under rules/. Refused with a 422 problem "
                    + "listing the validator's violations if the result does not validate; nothing is saved then.")
    public ResponseEntity<VersionCreated> editFile(@PathVariable int version, @PathVariable String path,
                                                   @RequestBody String text) {
        TenantId tenant = CurrentCaller.tenant();
        String file = path.startsWith("/") ? path.substring(1) : path;
        InputLimits.text("the file path", file);
        if (text.indexOf('\0') >= 0) {
            throw new InputLimitException(
                    "the file contains a NUL character (U+0000); pack files are text");
        }
        return created(tenant, authoring.editFile(tenant, version, file, text, CurrentCaller.name()));
    }

    @RequiresScope(Scope.RULES)
    @PostMapping("/{version}/validate")
    @Operation(summary = "Validate a version: the safety validator's and the compiler's findings, with file and line",
            description = "Records nothing.")
    public ValidationResponse validate(@PathVariable int version) {
        return ValidationResponse.of(authoring.validate(CurrentCaller.tenant(), version));
    }

    @RequiresScope(Scope.RULES)
    @PostMapping(value = "/validate", consumes = {"application/zip", "application/octet-stream"})
    @Operation(summary = "Validate a zipped pack folder without saving it", description = "Records nothing.")
    public ValidationResponse validateZip(@RequestBody byte[] zip) {
        CurrentCaller.tenant();
        return ValidationResponse.of(authoring.validateZip(zip));
    }

    @RequiresScope(Scope.RULES)
    @PostMapping("/{version}/simulate")
    @Operation(summary = "What a version would invoice for a sample, next to the version in effect",
            description = "Prices an existing account's active subscriptions (accountId) or the supplied "
                    + "subscriptions for a country and currency, one period from the date (default: today), with "
                    + "this version and with the version in effect on that date. Returns the lines, totals and "
                    + "the rules that fired for each; records nothing.")
    public SimulationResponse simulate(@PathVariable int version, @RequestBody SimulateRequest request) {
        RulePackAuthoring.Simulation simulation = authoring.simulate(CurrentCaller.tenant(), version, request.date(),
                request.accountId() == null ? null : new AccountId(request.accountId()), request.country(),
                request.currency(), request.subscriptions());
        return new SimulationResponse(simulation.question().targetDate(), simulation.question().account().currency(),
                SimulatedInvoice.of(simulation.draft()), SimulatedInvoice.of(simulation.inEffect()));
    }

    @RequiresScope(Scope.RULES)
    @PostMapping("/{version}/tests")
    @Operation(summary = "Test a version before it is published: simulate, compare with the expected total, keep the outcome",
            description = "The same sample as /simulate, with an optional expectedTotal (tax included, e.g. \"59.00\"); "
                    + "the outcome is recorded as the version's test (who, when, the totals of this version and of "
                    + "the version in effect, or why it failed) and shown in the version list. A version whose last "
                    + "test failed cannot be approved until it is tested again. Refused with a 422 problem for a "
                    + "published version.")
    public TestResponse test(@PathVariable int version, @RequestBody SimulateRequest request) {
        java.math.BigDecimal expected;
        try {
            expected = request.expectedTotal() == null || request.expectedTotal().isBlank() ? null
                    : new java.math.BigDecimal(request.expectedTotal().strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("expectedTotal must be a decimal such as 59.00, not '" + request.expectedTotal() + "'");
        }
        RulePackAuthoring.Simulation simulation = authoring.test(CurrentCaller.tenant(), version, request.date(),
                request.accountId() == null ? null : new AccountId(request.accountId()), request.country(),
                request.currency(), request.subscriptions(), CurrentCaller.name(), expected);
        String currency = simulation.question().account().currency();
        java.math.BigDecimal total = simulation.draft().total();
        String failure = simulation.draft().problem() != null ? simulation.draft().problem()
                : expected != null && total != null && expected.compareTo(total) != 0
                ? "expected " + currency + " " + expected.toPlainString() + ", was " + currency + " "
                + total.toPlainString() : null;
        return new TestResponse(simulation.question().targetDate(), currency, SimulatedInvoice.of(simulation.draft()),
                SimulatedInvoice.of(simulation.inEffect()), expected == null ? null : expected.toPlainString(),
                failure == null, failure);
    }

    @RequiresScope(Scope.RULES_APPROVE)
    @PostMapping("/{version}/approve")
    @Operation(summary = "Approve a draft; the approver must not be the one who saved it last",
            description = "Refused with a 422 problem when the caller saved this version, or it is not a draft.")
    public RulePackVersionView approve(@PathVariable int version) {
        TenantId tenant = CurrentCaller.tenant();
        authoring.approve(tenant, version, CurrentCaller.name());
        return view(tenant, version);
    }

    @RequiresScope(Scope.RULES_APPROVE)
    @PostMapping("/{version}/publish")
    @Operation(summary = "Publish an approved version from a date",
            description = "Billing periods from effectiveFrom on are priced by it. Refused with a 422 problem when "
                    + "the date is before the tenant's today or the version is not approved.")
    public RulePackVersionView publish(@PathVariable int version, @RequestBody PublishRequest request) {
        TenantId tenant = CurrentCaller.tenant();
        authoring.publish(tenant, version, request.effectiveFrom(), CurrentCaller.name());
        return view(tenant, version);
    }

    @RequiresScope(Scope.RULES)
    @PostMapping("/{version}/roll-back")
    @Operation(summary = "Roll back to an earlier published version",
            description = "Its content becomes the next version, a draft that is approved and published like any "
                    + "other. Refused with a 422 problem when the version was never published.")
    public ResponseEntity<VersionCreated> rollBack(@PathVariable int version) {
        TenantId tenant = CurrentCaller.tenant();
        return created(tenant, authoring.rollBack(tenant, version, CurrentCaller.name()));
    }

    private ResponseEntity<VersionCreated> created(TenantId tenant, int version) {
        RulePackVersionView view = view(tenant, version);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/rule-packs/" + version)
                .body(new VersionCreated(version, view.status(), view.author(), view.contentHash()));
    }

    private RulePackVersionView view(TenantId tenant, int version) {
        return versions.versions(tenant).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
    }

    @RequiresScope(Scope.READ)
    @GetMapping
    @Operation(summary = "All versions, newest first, with state, author, approver and effective date")
    public List<RulePackVersionView> list() {
        return versions.versions(CurrentCaller.tenant());
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/{version}")
    @Operation(summary = "One version's content: catalog table and DRL")
    public RulePackContentResponse get(@PathVariable int version) {
        TenantId tenant = CurrentCaller.tenant();
        RulePack pack = versions.version(tenant, version)
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
        return new RulePackContentResponse(version, pack.name(), pack.contentHash(),
                pack.plans().stream().map(p -> new PlanRow(p.code(), p.product(), p.currency(),
                        p.price().toPlainString(), p.cadence().label(), p.mode().name(), p.priceList(),
                        p.productType().name())).toList(),
                pack.sources().stream().map(s -> new Source(s.category().name(), s.name(), s.text())).toList(),
                pack.tables().texts(), pack.taxSettings(),
                pack.usageCharges().stream().map(UsageChargeRow::of).toList(),
                pack.usageTiers().stream().map(UsageTierRow::of).toList(), pack.alignment().name());
    }

    @RequiresScope(Scope.READ)
    @GetMapping(value = "/{version}/export", produces = "application/zip")
    @Operation(summary = "One version as a zip of the folder the importer reads (pack.properties, tables, DRL)",
            description = "Keep packs in git: unpacked, the folder imports back to the same content hash.")
    public org.springframework.http.ResponseEntity<byte[]> export(@PathVariable int version) {
        TenantId tenant = CurrentCaller.tenant();
        RulePack pack = versions.version(tenant, version)
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + pack.name().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "-v" + version + ".zip\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .body(org.ratebook.rules.pack.RulePackExport.zip(pack));
    }
}
