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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers billing questions with a tenant's pack. An invoice question runs the categories in order
 * (pricing → overage → discount → tax), each in its own short-lived session; the output of one stage enters
 * the next as immutable facts. Each stage is bounded twice, so a runaway pack fails instead of hanging: by a
 * number of firings, and by wall-clock time (see {@link BoundedFiring} for what a time-out can and cannot stop).
 */
public final class DecisionService {

    public static final String DECISIONS_GLOBAL = "decisions";
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
        Decisions decisions = new Decisions(pack.rounding(), pack.taxSettings(), pack.usageTiers());
        List<FiredRule> fired = new ArrayList<>();

        List<Object> facts = new ArrayList<>();
        facts.add(question.account());
        facts.add(new BillingDate(question.targetDate()));
        // the rules see the DEFAULT price list's rows; the list chosen for each span is applied after they fired
        facts.addAll(pack.defaultListPlans());
        facts.addAll(question.periods());
        facts.addAll(question.oneOffs());
        run(compiled, RuleCategory.PRICING, facts, decisions, fired);
        decisions.settlePrices(pack.plans());

        if (!question.usage().isEmpty()) {
            // usage is priced after the plans, so overage rules may also see the plans' charges
            List<Object> usageFacts = new ArrayList<>();
            usageFacts.add(question.account());
            usageFacts.add(new BillingDate(question.targetDate()));
            usageFacts.addAll(pack.usageCharges());
            usageFacts.addAll(pack.usageTiers());
            usageFacts.addAll(question.usage());
            usageFacts.addAll(decisions.charges());
            run(compiled, RuleCategory.OVERAGE, usageFacts, decisions, fired);
        }
        // discounts see the charges, the coupons the account redeemed (only those with periods left) and the
        // pack's discount tables (volume, bundles, promotions); they are settled in a fixed order before tax
        // (see Decisions)
        List<Object> discountFacts = new ArrayList<>();
        discountFacts.add(question.account());
        discountFacts.add(new BillingDate(question.targetDate()));
        discountFacts.addAll(decisions.charges());
        question.coupons().stream().filter(RedeemedCoupon::active).forEach(discountFacts::add);
        discountFacts.addAll(pack.tables().volumeDiscounts());
        discountFacts.addAll(pack.tables().bundleDiscounts());
        discountFacts.addAll(pack.tables().promotions());
        run(compiled, RuleCategory.DISCOUNT, discountFacts, decisions, fired);
        decisions.settleDiscounts();

        List<Object> taxFacts = new ArrayList<>();
        taxFacts.add(question.account());
        taxFacts.add(new BillingDate(question.targetDate()));
        if (question.seller() != null) {
            taxFacts.add(question.seller());
        }
        taxFacts.addAll(decisions.charges());
        taxFacts.addAll(pack.tables().taxRates());
        run(compiled, RuleCategory.TAX, taxFacts, decisions, fired);

        return new InvoiceDecision(question.account().currency(), decisions.lines(),
                new DecisionTrace(pack.name(), pack.version(), compiled.contentHash(), fired), decisions.spikes());
    }

    /**
     * When a requested change of a subscription takes effect, by the pack's change policy (pricing rules that
     * match {@link PlanChange}). Empty timing when no rule decides it.
     */
    public ChangeDecision decideChange(RulePack pack, PlanChange change) {
        CompiledPack compiled = compiler.compiled(pack);
        Decisions decisions = new Decisions(pack.rounding());
        List<FiredRule> fired = new ArrayList<>();
        run(compiled, RuleCategory.PRICING, List.of(change, new BillingDate(change.requestedOn())), decisions, fired);
        return new ChangeDecision(Optional.ofNullable(decisions.changeTiming()),
                Optional.ofNullable(decisions.changeTimingRule()),
                new DecisionTrace(pack.name(), pack.version(), compiled.contentHash(), fired));
    }

    /**
     * Where an account stands on its unpaid invoices: runs only the suspension stage, on the account's standing
     * and its date, with the rows of the pack's dunning thresholds table when it has one. A pack without
     * suspension rules keeps every account in good standing.
     */
    public StandingDecision decideStanding(RulePack pack, AccountStanding standing) {
        CompiledPack compiled = compiler.compiled(pack);
        Decisions decisions = new Decisions(pack.rounding());
        List<FiredRule> fired = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        facts.add(standing);
        facts.add(new BillingDate(standing.asOf()));
        facts.addAll(pack.tables().dunningThresholds());
        run(compiled, RuleCategory.SUSPENSION, facts, decisions, fired);
        return decisions.standingDecision(
                new DecisionTrace(pack.name(), pack.version(), compiled.contentHash(), fired));
    }

    private void run(CompiledPack compiled, RuleCategory category, Collection<Object> facts, Decisions decisions,
                     List<FiredRule> fired) {
        Optional<KieBase> kieBase = compiled.kieBase(category);
        if (kieBase.isEmpty()) {
            return;
        }
        String stage = category.name().toLowerCase(Locale.ROOT);
        KieSession session = kieBase.get().newKieSession();
        try {
            if (declaresDecisions(kieBase.get())) {
                session.setGlobal(DECISIONS_GLOBAL, decisions);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    List<String> matched = event.getMatch().getObjects().stream().map(String::valueOf).toList();
                    fired.add(new FiredRule(fired.size() + 1, category, rule, matched));
                    decisions.enterRule(rule);
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    decisions.leaveRule();
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

    private static boolean declaresDecisions(KieBase kieBase) {
        for (KiePackage p : kieBase.getKiePackages()) {
            if (p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(DECISIONS_GLOBAL))) {
                return true;
            }
        }
        return false;
    }
}
