package org.ratebook.rules.decision;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.ratebook.rules.fact.AccountStanding;
import org.ratebook.rules.fact.BillingDate;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.pack.CompiledPack;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.money.Rounding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers billing questions with a tenant's pack. An invoice question runs the categories in order
 * (pricing → overage → discount → tax), each in its own short-lived session that can write only to its own
 * output ({@link Outputs}); between stages plain Java settles what the rules asked for (price lists and kept
 * prices, discounts, tax rounding), and the output of one stage enters the next as immutable facts. Each stage is bounded twice, so a runaway pack fails instead of hanging: by a
 * number of firings, and by wall-clock time (see {@link BoundedFiring} for what a time-out can and cannot stop).
 */
public final class DecisionService {

    /** The global of pack format 1; see {@link Outputs} for each category's own. */
    public static final String DECISIONS_GLOBAL = Outputs.LEGACY_GLOBAL;
    public static final int MAX_FIRINGS_PER_STAGE = 10_000;
    public static final Duration DEFAULT_STAGE_TIME_LIMIT = Duration.ofSeconds(2);

    private final RulePackCompiler compiler;
    private final BoundedFiring firing;

    public DecisionService(RulePackCompiler compiler) {
        this(compiler, DEFAULT_STAGE_TIME_LIMIT);
    }

    /** {@code stageTimeLimit} bounds each stage (pricing, tax, …) alone, from its first fact to its last firing. */
    public DecisionService(RulePackCompiler compiler, Duration stageTimeLimit) {
        this.compiler = compiler;
        this.firing = new BoundedFiring(stageTimeLimit);
    }

    /**
     * Stages that ran past their time limit and did not stop when halted (a rule still matching, or an action
     * still computing). Non-zero means CPU is being spent on abandoned work; it goes back to zero when they end.
     */
    public int overdueStages() {
        return firing.overdue();
    }

    public InvoiceDecision decide(RulePack pack, InvoiceQuestion question) {
        CompiledPack compiled = compiler.compiled(pack);
        Rounding money = pack.money();
        RuleFiring firing = new RuleFiring();
        Ledger ledger = new Ledger(firing);
        List<FiredRule> fired = new ArrayList<>();

        List<Object> facts = new ArrayList<>();
        facts.add(question.account());
        facts.add(new BillingDate(question.targetDate()));
        // the rules see the DEFAULT price list's rows; the list chosen for each span is applied after they fired
        facts.addAll(pack.defaultListPlans());
        facts.addAll(question.periods());
        facts.addAll(question.oneOffs());
        PricingOutput pricing = new PricingOutput(ledger, firing, money);
        run(compiled, RuleCategory.PRICING, facts, pricing, firing, fired);
        PriceSettlement.settle(pricing, ledger, pack.plans(), money);

        RatingOutput rating = new RatingOutput(ledger, firing, money, pack.usageTiers());
        if (!question.usage().isEmpty()) {
            // usage is priced after the plans, so overage rules may also see the plans' charges
            List<Object> usageFacts = new ArrayList<>();
            usageFacts.add(question.account());
            usageFacts.add(new BillingDate(question.targetDate()));
            usageFacts.addAll(pack.usageCharges());
            usageFacts.addAll(pack.usageTiers());
            usageFacts.addAll(question.usage());
            usageFacts.addAll(ledger.charges());
            run(compiled, RuleCategory.OVERAGE, usageFacts, rating, firing, fired);
        }
        // discounts see the charges, the coupons the account redeemed (only those with periods left) and the
        // pack's discount tables (volume, bundles, promotions); they are settled in a fixed order before tax
        List<Object> discountFacts = new ArrayList<>();
        discountFacts.add(question.account());
        discountFacts.add(new BillingDate(question.targetDate()));
        discountFacts.addAll(ledger.charges());
        question.coupons().stream().filter(RedeemedCoupon::active).forEach(discountFacts::add);
        discountFacts.addAll(pack.tables().volumeDiscounts());
        discountFacts.addAll(pack.tables().bundleDiscounts());
        discountFacts.addAll(pack.tables().promotions());
        DiscountOutput discount = new DiscountOutput(firing);
        run(compiled, RuleCategory.DISCOUNT, discountFacts, discount, firing, fired);
        List<DiscountSettlement.Discount> discounts =
                DiscountSettlement.settle(discount.requested(), ledger.charges(), money);

        List<Object> taxFacts = new ArrayList<>();
        taxFacts.add(question.account());
        taxFacts.add(new BillingDate(question.targetDate()));
        if (question.seller() != null) {
            taxFacts.add(question.seller());
        }
        taxFacts.addAll(ledger.charges());
        taxFacts.addAll(pack.tables().taxRates());
        TaxOutput tax = new TaxOutput(ledger, firing);
        run(compiled, RuleCategory.TAX, taxFacts, tax, firing, fired);

        return new InvoiceDecision(question.account().currency(),
                TaxSettlement.lines(ledger, discounts, tax, pack.taxSettings(), money),
                new DecisionTrace(pack.name(), pack.version(), compiled.contentHash(), fired), rating.spikes());
    }

    /**
     * When a requested change of a subscription takes effect, by the pack's change policy (rules of category
     * CHANGE that match {@link PlanChange}; in a pack of format 1, pricing rules that do). Empty timing when no
     * rule decides it.
     */
    public ChangeDecision decideChange(RulePack pack, PlanChange change) {
        CompiledPack compiled = compiler.compiled(pack);
        RuleFiring firing = new RuleFiring();
        ChangeOutput output = new ChangeOutput(firing);
        List<FiredRule> fired = new ArrayList<>();
        List<Object> facts = List.of(change, new BillingDate(change.requestedOn()));
        // a pack of format 1 has its change policy among the pricing rules (pricing-changes.drl)
        if (compiled.kieBase(RuleCategory.PRICING).filter(DecisionService::declaresLegacyGlobal).isPresent()) {
            run(compiled, RuleCategory.PRICING, facts, output, firing, fired);
        }
        run(compiled, RuleCategory.CHANGE, facts, output, firing, fired);
        return new ChangeDecision(Optional.ofNullable(output.timing()), Optional.ofNullable(output.rule()),
                Optional.ofNullable(output.proration()), Optional.ofNullable(output.prorationRule()),
                new DecisionTrace(pack.name(), pack.version(), compiled.contentHash(), fired));
    }

    /**
     * Where an account stands on its unpaid invoices: runs only the suspension stage, on the account's standing
     * and its date, with the rows of the pack's dunning thresholds table when it has one. A pack without
     * suspension rules keeps every account in good standing.
     */
    public StandingDecision decideStanding(RulePack pack, AccountStanding standing) {
        CompiledPack compiled = compiler.compiled(pack);
        RuleFiring firing = new RuleFiring();
        StandingOutput output = new StandingOutput(firing);
        List<FiredRule> fired = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        facts.add(standing);
        facts.add(new BillingDate(standing.asOf()));
        facts.addAll(pack.tables().dunningThresholds());
        run(compiled, RuleCategory.SUSPENSION, facts, output, firing, fired);
        return output.decision(new DecisionTrace(pack.name(), pack.version(), compiled.contentHash(), fired));
    }

    /**
     * Runs one category's rules with {@code output} as the only thing they can write to: its own global, and for
     * files of pack format 1 the {@link Decisions} adapter in front of it.
     */
    private void run(CompiledPack compiled, RuleCategory category, Collection<Object> facts, Object output,
                     RuleFiring ruleFiring, List<FiredRule> fired) {
        Optional<KieBase> kieBase = compiled.kieBase(category);
        if (kieBase.isEmpty()) {
            return;
        }
        String stage = category.name().toLowerCase(Locale.ROOT);
        KieSession session = kieBase.get().newKieSession();
        try {
            Set<String> globals = globals(kieBase.get());
            Outputs.Output own = Outputs.of(category);
            if (globals.contains(own.global()) && own.type().isInstance(output)) {
                session.setGlobal(own.global(), output);
            }
            if (globals.contains(Outputs.LEGACY_GLOBAL)) {
                session.setGlobal(Outputs.LEGACY_GLOBAL, new Decisions(category, output));
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    List<String> matched = event.getMatch().getObjects().stream().map(String::valueOf).toList();
                    fired.add(new FiredRule(fired.size() + 1, category, rule, matched));
                    ruleFiring.enter(rule);
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    ruleFiring.leave();
                }
            });
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
        int count = firing.fire(session, facts, MAX_FIRINGS_PER_STAGE, stage);
        if (count >= MAX_FIRINGS_PER_STAGE) {
            throw new DecisionException(stage + " rules fired " + count + " times, the most one stage may; a rule "
                    + "probably matches too many combinations of facts (give its patterns conditions that join them)");
        }
    }

    private static Set<String> globals(KieBase kieBase) {
        Set<String> names = new HashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getGlobalVariables().forEach(g -> names.add(g.getName()));
        }
        return names;
    }

    private static boolean declaresLegacyGlobal(KieBase kieBase) {
        return globals(kieBase).contains(Outputs.LEGACY_GLOBAL);
    }
}
