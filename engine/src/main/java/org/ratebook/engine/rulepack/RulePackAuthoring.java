package org.ratebook.engine.rulepack;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.RecordRulePackTestCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RollBackRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.engine.rulepack.domain.InvalidRulePackException;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackExport;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How people change a tenant's pricing: a draft from an uploaded pack folder or from a published version, edits
 * of its files, a dry run of what it would decide, then approval by a second person, publication from a date, and
 * rollback. Every change is a command on {@code TenantRulePack}, so each is an event naming who and when; what is
 * refused is refused before any event (the aggregate compiles and validates first). A draft's versions never
 * change: editing a file saves the draft as the next version, and whoever saved a version last is its author, the
 * one person who may not approve it.
 */
@Component
public class RulePackAuthoring {

    /** A file path inside a pack folder: letters, digits, {@code _ . -} and {@code /}, no {@code ..}. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    /** One sample subscription of a simulated invoice; no quantity means 1. */
    public record SampleSubscription(String plan, Integer quantity) {
        public SampleSubscription {
            quantity = quantity == null ? 1 : quantity;
        }
    }

    /** What a draft would decide and what the version in effect decides, for the same question. */
    public record Simulation(InvoiceQuestion question, Outcome draft, Outcome inEffect) {
    }

    /** One pack's answer: its decision, or why it could not decide (an unknown plan, a rule that failed). */
    public record Outcome(String packName, int version, InvoiceDecision decision, String problem) {

        /** The invoice total the pack decided, tax included (null when it could not decide). */
        public java.math.BigDecimal total() {
            return decision == null ? null : decision.lines().stream()
                    .map(l -> l.amount().add(l.taxAmount() == null ? java.math.BigDecimal.ZERO : l.taxAmount()))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        }
    }

    private final CommandGateway commands;
    private final RulePackVersionsProjection versions;
    private final RulePackCompiler compiler;
    private final DecisionService decisions;
    private final TenantClocks clocks;
    private final AccountDirectory accounts;
    private final SubscriptionProjection subscriptions;
    private final RulePackWarmUp warmUp;

    public RulePackAuthoring(CommandGateway commands, RulePackVersionsProjection versions, RulePackCompiler compiler,
                             DecisionService decisions, TenantClocks clocks, AccountDirectory accounts,
                             SubscriptionProjection subscriptions, RulePackWarmUp warmUp) {
        this.warmUp = warmUp;
        this.commands = commands;
        this.versions = versions;
        this.compiler = compiler;
        this.decisions = decisions;
        this.clocks = clocks;
        this.accounts = accounts;
        this.subscriptions = subscriptions;
    }

    /** A new draft from a zipped pack folder (as the export gives it); returns its version. */
    public int draftFromZip(TenantId tenant, byte[] zip, String author) {
        return draftFromFiles(tenant, readable(() -> RulePackLoader.filesOfZip(zip)), author);
    }

    /** A new draft from a pack folder's files by path ({@code pack.properties}, tables, DRL). */
    public int draftFromFiles(TenantId tenant, Map<String, String> files, String author) {
        RulePack pack = readable(() -> RulePackLoader.fromFiles(files, 0));
        return save(tenant, RulePackContent.of(pack), author);
    }

    /** The files of {@code version} by path, as the export writes them. */
    public Map<String, String> files(TenantId tenant, int version) {
        return RulePackExport.files(existing(tenant, version));
    }

    /** A new draft with the content of {@code version}, or of the version in effect today when null. */
    public int draftFromVersion(TenantId tenant, Integer version, String author) {
        RulePack from = version == null ? versions.inEffect(tenant, today(tenant)) : existing(tenant, version);
        return save(tenant, RulePackContent.of(from), author);
    }

    /**
     * Replaces (or, for a new {@code rules/….drl}, adds) one file of draft {@code version} and saves the result as
     * the next version, a draft authored by {@code author}. Only a draft can be edited.
     */
    public int editFile(TenantId tenant, int version, String path, String text, String author) {
        RulePackVersionView view = view(tenant, version);
        if (!"DRAFT".equals(view.status())) {
            throw new InvalidRulePackException("version " + version + " is " + view.status()
                    + "; only a draft can be edited (start a new draft from it instead)");
        }
        if (path == null || !PATH.matcher(path).matches() || path.contains("..")) {
            throw new InvalidRulePackException("'" + path + "' is not a file path inside a pack folder");
        }
        if (text == null) {
            throw new InvalidRulePackException("the file " + path + " needs content");
        }
        Map<String, String> files = new TreeMap<>(RulePackExport.files(existing(tenant, version)));
        if (!files.containsKey(path)) {
            if (!path.startsWith("rules/") || !path.endsWith(".drl")) {
                throw new InvalidRulePackException("version " + version + " has no file " + path
                        + "; a new file can only be a DRL file under rules/");
            }
            files.put("pack.properties", files.get("pack.properties").replaceFirst("(?m)^rules=(.*)$",
                    "rules=$1," + path));
        }
        files.put(path, text);
        RulePack edited = readable(() -> RulePackLoader.fromFiles(files, 0));
        return save(tenant, RulePackContent.of(edited), author);
    }

    /**
     * What the validator and the compiler say about a version, each problem as {@code file line n: message}; empty
     * when it may be approved. Nothing is recorded.
     */
    public List<String> validate(TenantId tenant, int version) {
        return problems(existing(tenant, version));
    }

    /** The same for a zipped pack folder that is not saved. */
    public List<String> validateZip(byte[] zip) {
        return problems(readable(() -> RulePackLoader.fromFiles(RulePackLoader.filesOfZip(zip), 0)));
    }

    private List<String> problems(RulePack pack) {
        try {
            compiler.compiled(pack);
            return List.of();
        } catch (RulePackCompilationException e) {
            return e.problems();
        }
    }

    /**
     * Decides one invoice with draft {@code version} and with the version in effect on {@code date}, records
     * nothing. The question is an existing account's subscriptions active on that date, or the supplied
     * subscriptions for an account in {@code country} paying in {@code currency}; each is priced for one period
     * of its plan starting on the date.
     */
    public Simulation simulate(TenantId tenant, int version, LocalDate date, AccountId accountId, String country,
                               String currency, List<SampleSubscription> sample) {
        RulePack draft = existing(tenant, version);
        LocalDate day = date == null ? today(tenant) : date;
        BillingAccount account;
        List<SampleSubscription> subs = new ArrayList<>();
        if (accountId != null) {
            AccountView view = accounts.find(tenant, accountId)
                    .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
            account = new BillingAccount(view.accountId().toString(), view.currency(), view.country());
            subscriptions.activeOn(tenant, day).stream().filter(s -> s.accountId().equals(accountId))
                    .forEach(s -> subs.add(new SampleSubscription(s.plan(), s.quantity())));
        } else {
            if (currency == null || currency.isBlank() || country == null || country.isBlank()) {
                throw new BillingRejection("a sample invoice needs an accountId, or a currency and a country");
            }
            account = new BillingAccount("sample", currency, country);
        }
        if (sample != null) {
            subs.addAll(sample);
        }
        if (subs.isEmpty()) {
            throw new BillingRejection("nothing to price: the account has no active subscription on " + day
                    + " and no subscriptions were supplied");
        }
        List<SubscriptionPeriod> periods = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            SampleSubscription s = subs.get(i);
            if (s.plan() == null || s.quantity() < 1) {
                throw new BillingRejection("each sample subscription needs a plan and a quantity of at least 1");
            }
            LocalDate to = day.plusMonths(Math.max(1, periodOf(draft, s.plan(), account.currency()).months()));
            periods.add(new SubscriptionPeriod("sample-" + (i + 1), s.plan(), s.quantity(), account.currency(), day,
                    to));
        }
        InvoiceQuestion question = new InvoiceQuestion(account, day, periods);
        Optional<RulePack> current = inEffect(tenant, day);
        return new Simulation(question, outcome(draft, question),
                current.map(p -> outcome(p, question)).orElse(new Outcome(null, 0, null,
                        "no version is in effect on " + day)));
    }

    private static BillingPeriod periodOf(RulePack pack, String plan, String currency) {
        return pack.plan(plan, currency).map(CatalogPlan::period).orElse(BillingPeriod.MONTHLY);
    }

    private Outcome outcome(RulePack pack, InvoiceQuestion question) {
        for (SubscriptionPeriod p : question.periods()) {
            if (pack.plan(p.plan(), p.currency()).isEmpty()) {
                return new Outcome(pack.name(), pack.version(), null, "unknown plan '" + p.plan() + "' in "
                        + p.currency() + " in rule pack " + pack.name() + " v" + pack.version());
            }
        }
        try {
            return new Outcome(pack.name(), pack.version(), decisions.decide(pack, question), null);
        } catch (DecisionException e) {
            return new Outcome(pack.name(), pack.version(), null, e.getMessage());
        }
    }

    private Optional<RulePack> inEffect(TenantId tenant, LocalDate day) {
        try {
            return Optional.of(versions.inEffect(tenant, day));
        } catch (BillingRejection e) {
            return Optional.empty();
        }
    }

    /**
     * Simulates as {@link #simulate} does and keeps the outcome as the version's test ({@code RulePackTestedEvent}):
     * the "tested" step of the lifecycle, between a saved draft and its approval. A published version is refused.
     */
    public Simulation test(TenantId tenant, int version, LocalDate date, AccountId accountId, String country,
                           String currency, List<SampleSubscription> sample, String tester) {
        return test(tenant, version, date, accountId, country, currency, sample, tester, null);
    }

    /**
     * A test with an expectation: when {@code expectedTotal} is given and the version decides another total (tax
     * included), the test fails, and is kept as failed with the expected and the actual total, like a version that
     * could not decide. A version whose last test failed cannot be approved until it is tested again.
     */
    public Simulation test(TenantId tenant, int version, LocalDate date, AccountId accountId, String country,
                           String currency, List<SampleSubscription> sample, String tester,
                           java.math.BigDecimal expectedTotal) {
        Simulation simulation = simulate(tenant, version, date, accountId, country, currency, sample);
        String on = (accountId != null ? "account " + accountId : "a sample customer in " + country)
                + " on " + simulation.question().targetDate() + " (" + simulation.question().periods().size()
                + " subscription" + (simulation.question().periods().size() == 1 ? "" : "s") + ")";
        String currencyCode = simulation.question().account().currency();
        java.math.BigDecimal draftTotal = simulation.draft().total();
        java.math.BigDecimal inEffectTotal = simulation.inEffect().total();
        commands.sendAndWait(new RecordRulePackTestCommand(new RulePackId(tenant), version, tester, on,
                draftTotal == null ? null : currencyCode + " " + draftTotal.toPlainString(),
                inEffectTotal == null ? null : currencyCode + " " + inEffectTotal.toPlainString(),
                simulation.draft().problem() != null ? simulation.draft().problem()
                        : expectedTotal != null && draftTotal != null && expectedTotal.compareTo(draftTotal) != 0
                        ? "expected " + currencyCode + " " + expectedTotal.toPlainString() + ", was " + currencyCode
                        + " " + draftTotal.toPlainString() : null));
        return simulation;
    }

    public void approve(TenantId tenant, int version, String approver) {
        RulePackVersionView view = view(tenant, version);
        if (view.testSummary() != null && view.testSummary().startsWith("failed")) {
            throw new InvalidRulePackException("version " + version + " failed its last test (" + view.testSummary()
                    + "); test it again once it is fixed");
        }
        commands.sendAndWait(new ApproveRulePackCommand(new RulePackId(tenant), version, approver));
    }

    public void publish(TenantId tenant, int version, LocalDate effectiveFrom, String publisher) {
        view(tenant, version);
        if (effectiveFrom == null) {
            throw new InvalidRulePackException("effectiveFrom is required: the first day the version prices");
        }
        commands.sendAndWait(new PublishRulePackCommand(new RulePackId(tenant), version, effectiveFrom, publisher));
        warmUp.compileAhead(tenant, version);
    }

    /** A draft with the content of published {@code toVersion}; it goes through approval like any draft. */
    public int rollBack(TenantId tenant, int toVersion, String author) {
        RulePack target = existing(tenant, toVersion);
        return commands.sendAndWait(new RollBackRulePackCommand(new RulePackId(tenant), toVersion,
                RulePackContent.of(target), author));
    }

    public LocalDate today(TenantId tenant) {
        return LocalDate.now(clocks.of(tenant));
    }

    private int save(TenantId tenant, RulePackContent content, String author) {
        return commands.sendAndWait(new SaveRulePackDraftCommand(new RulePackId(tenant), content, author));
    }

    private RulePack existing(TenantId tenant, int version) {
        return versions.version(tenant, version)
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
    }

    private RulePackVersionView view(TenantId tenant, int version) {
        return versions.versions(tenant).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
    }

    private static <T> T readable(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RulePackFormatException e) {
            throw new InvalidRulePackException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRulePackException("the pack's tables do not read: " + e.getMessage());
        }
    }
}
