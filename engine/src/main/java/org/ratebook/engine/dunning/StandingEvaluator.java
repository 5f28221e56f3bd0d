package org.ratebook.engine.dunning;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.dunning.api.DunningId;
import org.ratebook.engine.dunning.api.EvaluateStandingCommand;
import org.ratebook.engine.dunning.api.StandingFigures;
import org.ratebook.engine.dunning.domain.StaleStandingException;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.StandingDecision;
import org.ratebook.rules.fact.AccountStanding;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks the tenant's suspension rules where accounts stand and sends what they decide to each account's
 * {@code Dunning}, which records only changes. One account is re-evaluated after a payment, a refund or a void
 * (see {@link DunningTriggers}); every account with unpaid invoices or out of good standing is re-evaluated
 * daily, and day by day over the days a sandbox's test clock skips, so a jump of 60 days still reminds, warns
 * and suspends on the days a live tenant would have.
 */
@Service
public class StandingEvaluator {

    public static final String PAYMENT = "payment";
    public static final String REFUND = "refund";
    public static final String VOID = "void";
    public static final String CREDIT_NOTE = "credit note";
    public static final String DAILY = "daily";
    public static final String TEST_CLOCK = "test clock";

    private static final Logger log = LoggerFactory.getLogger(StandingEvaluator.class);
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final AccountStandings standings;
    private final AccountDirectory accounts;
    private final TenantPacks packs;
    private final DecisionService decisions;
    private final CommandGateway commands;
    private final TenantClocks clocks;
    private final ObjectProvider<StandingConsequence> consequences;

    public StandingEvaluator(JdbcTemplate jdbc, TenantScope tenantScope, AccountStandings standings,
                             AccountDirectory accounts, TenantPacks packs, DecisionService decisions,
                             CommandGateway commands, TenantClocks clocks,
                             ObjectProvider<StandingConsequence> consequences) {
        this.consequences = consequences;
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.standings = standings;
        this.accounts = accounts;
        this.packs = packs;
        this.decisions = decisions;
        this.commands = commands;
        this.clocks = clocks;
    }

    /** The tenant's today: the date its billing run uses (a sandbox's test clock, or the application clock). */
    public LocalDate today(TenantId tenant) {
        return LocalDate.now(clocks.of(tenant));
    }

    /** Re-evaluates one account on the tenant's today, e.g. right after a payment; returns its standing. */
    public StandingView evaluate(TenantId tenant, AccountId account, String trigger) {
        LocalDate today = today(tenant);
        List<Receivable> open = openReceivables(tenant, Optional.of(account)).getOrDefault(account, List.of());
        Map<AccountId, StandingView> current = new HashMap<>();
        current.put(account, standings.of(tenant, account));
        List<String> problems = new ArrayList<>();
        decideDay(tenant, today, Map.of(account, open), current, trigger, new Counter(), new ArrayList<>(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.getFirst());
        }
        return standings.of(tenant, account);
    }

    /** The daily run for {@code day}: every account with unpaid invoices or out of good standing. */
    public DunningRunResult runDaily(TenantId tenant, LocalDate day) {
        return run(tenant, day, day, DAILY);
    }

    /**
     * A sandbox's test clock moved from {@code previousDay} to {@code today}: re-evaluates every day after the
     * previous one up to today (today alone if the clock stayed on the same day).
     */
    public DunningRunResult followTestClock(TenantId tenant, LocalDate previousDay, LocalDate today) {
        LocalDate from = previousDay.isBefore(today) ? previousDay.plusDays(1) : today;
        return run(tenant, from, today, TEST_CLOCK);
    }

    private DunningRunResult run(TenantId tenant, LocalDate from, LocalDate to, String trigger) {
        // figures as of each day come from what is open now: payments are recorded on the tenant's today, so
        // an invoice paid before this run was paid on every day it walks; later invoices are left out by date
        Map<AccountId, List<Receivable>> open = openReceivables(tenant, Optional.empty());
        Map<AccountId, StandingView> current = new HashMap<>(standings.notGood(tenant));
        Counter decided = new Counter();
        List<DunningRunResult.Change> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            decideDay(tenant, day, open, current, trigger, decided, changes, problems);
        }
        if (!changes.isEmpty() || !problems.isEmpty()) {
            log.info("Dunning for {} from {} to {}: {} decisions, {} changes, {} problems", tenant, from, to,
                    decided.value, changes.size(), problems.size());
        }
        return new DunningRunResult(tenant, from, to, decided.value, changes, problems);
    }

    private static final class Counter {
        int value;
    }

    private void decideDay(TenantId tenant, LocalDate day, Map<AccountId, List<Receivable>> open,
                           Map<AccountId, StandingView> current, String trigger, Counter decided,
                           List<DunningRunResult.Change> changes, List<String> problems) {
        Set<AccountId> due = new LinkedHashSet<>(open.keySet());
        due.addAll(current.keySet());
        if (due.isEmpty()) {
            return;
        }
        RulePack pack;
        try {
            pack = packs.inEffect(tenant, day);
        } catch (BillingRejection e) {
            problems.add(day + ": " + e.getMessage());
            return;
        }
        for (AccountId account : due) {
            StandingView before = current.getOrDefault(account, StandingView.alwaysGood(account));
            List<Receivable> receivables = open.getOrDefault(account, List.of());
            boolean nothingIssuedYet = receivables.stream().noneMatch(r -> !r.invoiceDate().isAfter(day));
            if (nothingIssuedYet && before.state() == DunningState.GOOD
                    && before.actions().isEmpty()) {
                continue; // in good standing with nothing to pay: nothing for the rules to look at
            }
            try {
                decide(tenant, account, day, receivables, before, pack, trigger, decided).ifPresent(after -> {
                    current.put(account, after);
                    if (after.state() != before.state()) {
                        changes.add(new DunningRunResult.Change(account.toString(), day, before.state(),
                                after.state()));
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Standing of account {} of {} on {} could not be decided", account, tenant, day, e);
                problems.add("account " + account + " on " + day + ": " + e.getMessage());
            }
        }
    }

    /** Decides the account's standing on {@code day}; the standing after, if it changed. */
    private Optional<StandingView> decide(TenantId tenant, AccountId account, LocalDate day, List<Receivable> open,
                                          StandingView before, RulePack pack, String trigger, Counter decided) {
        StandingView basis = before;
        for (int attempt = 1; ; attempt++) {
            String currency = basis.figures() != null ? basis.figures().currency() : currencyOf(tenant, account);
            StandingFigures figures = Receivable.figures(currency, open, day);
            StandingDecision decision = decisions.decideStanding(pack, new AccountStanding(account.toString(),
                    currency, day, figures.oldestUnpaidDueDate(), figures.daysPastDue(), figures.unpaidBalance(),
                    figures.unpaidInvoices(), figures.overdueBalance(), figures.overdueInvoices(), basis.state(),
                    basis.since()));
            decided.value++;
            if (decision.state() == basis.state() && decision.actions().equals(basis.actions())) {
                return Optional.empty();
            }
            try {
                commands.sendAndWait(new EvaluateStandingCommand(tenant, DunningId.of(tenant, account), account, day,
                        trigger, basis.state(), decision.state(), decision.actions(), decision.rules(), figures,
                        new PackRef(decision.trace().packName(), decision.trace().packVersion(),
                                decision.trace().packHash()),
                        decision.trace().fired().stream().map(f -> new RuleFiring(f.order(), f.category().name(),
                                f.rule(), f.matched())).toList()));
                StandingView after = standings.of(tenant, account);
                followUp(tenant, account, day, basis, after);
                return Optional.of(after);
            } catch (StaleStandingException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                basis = standings.of(tenant, account); // another evaluation got there first: decide again on it
            }
        }
    }

    /** The consequences other capabilities draw from the new standing (ending subscriptions, …). */
    private void followUp(TenantId tenant, AccountId account, LocalDate day, StandingView before,
                          StandingView after) {
        consequences.orderedStream().forEach(consequence -> {
            try {
                consequence.standingChanged(tenant, account, day, before, after);
            } catch (RuntimeException e) {
                log.warn("A consequence of the standing of account {} of {} on {} failed", account, tenant, day, e);
            }
        });
    }

    private String currencyOf(TenantId tenant, AccountId account) {
        return accounts.find(tenant, account).map(AccountView::currency)
                .orElseThrow(() -> new IllegalStateException("unknown account " + account + " of " + tenant));
    }

    private Map<AccountId, List<Receivable>> openReceivables(TenantId tenant, Optional<AccountId> account) {
        String sql = """
                SELECT account_id, invoice_id, invoice_date, due_date, balance FROM dunning_receivables
                WHERE tenant_id = ? AND status = 'OPEN'""" + (account.isPresent() ? " AND account_id = ?" : "");
        Object[] args = account.isPresent() ? new Object[]{tenant.value(), account.get().value()}
                : new Object[]{tenant.value()};
        List<Receivable> rows = tenantScope.call(tenant, () -> jdbc.query(sql, (rs, n) -> new Receivable(
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getObject("invoice_id", UUID.class),
                rs.getDate("invoice_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                rs.getBigDecimal("balance")), args));
        Map<AccountId, List<Receivable>> byAccount = new HashMap<>();
        rows.forEach(r -> byAccount.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r));
        return byAccount;
    }
}
