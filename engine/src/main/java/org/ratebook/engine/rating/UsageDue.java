package org.ratebook.engine.rating;

import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.pricing.RunPacks;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.tenants.TenantScope;
import org.springframework.transaction.UnexpectedRollbackException;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.MeterUsage;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.TransactionAmounts;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.BillingCycle;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The usage periods due on a target date, as rule facts grouped by account and invoice date. Usage is billed
 * in arrear: a subscription's usage period (its billing period as the plan's charge has it, "every N" units
 * placed by the pack's billing alignment, cut to its time in service, with boundaries at
 * midnight in the account's time zone) is due on the day it ends, for every meter its plan has a usage charge
 * for in the pack in effect that day, once: a period with a usage line on an invoice that is not void is
 * billed. A period is only rated once it has ended by the tenant's clock too: a run for today at 00:00 UTC
 * leaves the day's periods of accounts west of UTC to the next run, instead of rating them half-way.
 * <p>
 * Late and corrected usage: whenever a subscription has usage due, the {@value #LATE_USAGE_PERIODS} billed
 * periods before it are aggregated again, and each whose quantity or event count changed since it was rated is
 * handed to the rules once more with what it was billed, so the same invoice carries the difference as an
 * adjustment. After that invoice the period is billed at its new figures, so nothing is adjusted twice. Like
 * Kill Bill's default ({@code readMaxRawUsagePreviousPeriod} = 2), older periods are not re-read: usage later
 * than that stays unbilled, which keeps each run's work bounded.
 */
@Component
public class UsageDue {

    /** How many billed periods before a due one are re-read for late usage. */
    public static final int LATE_USAGE_PERIODS = 2;
    /** How many billed periods before a due one make its trailing average (for spike rules). */
    public static final int TRAILING_PERIODS = 3;

    /** The usage facts one invoice of an account on a date carries. */
    public record Due(AccountId account, LocalDate invoiceDate, List<UsagePeriod> usage) {
        public Due {
            usage = List.copyOf(usage);
        }
    }

    /** What is due, and what could not be worked out (each with a reason a person can act on). */
    public record Result(List<Due> due, List<String> problems) {
        public Result {
            due = List.copyOf(due);
            problems = List.copyOf(problems);
        }
    }

    private record Key(AccountId account, LocalDate invoiceDate) {
    }

    private final SubscriptionProjection subscriptions;
    private final AccountDirectory accounts;
    private final TenantPacks packs;
    private final Meters meters;
    private final UsageQueries usage;
    private final BilledUsage billedUsage;
    private final TenantClocks clocks;
    private final TenantScope tenantScope;

    /** Subscriptions read in one transaction. */
    private static final int CHUNK = 500;

    public UsageDue(SubscriptionProjection subscriptions, AccountDirectory accounts, TenantPacks packs, Meters meters,
                    UsageQueries usage, BilledUsage billedUsage, TenantClocks clocks, TenantScope tenantScope) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.packs = packs;
        this.meters = meters;
        this.usage = usage;
        this.billedUsage = billedUsage;
        this.clocks = clocks;
        this.tenantScope = tenantScope;
    }

    public Result due(TenantId tenant, LocalDate target) {
        return due(tenant, target, null);
    }

    /**
     * As {@link #due(TenantId, LocalDate)}, for the subscriptions of the given accounts only (every account for
     * null): a chunk of a shared billing run reads its own accounts' usage, not the whole tenant's (decision 027).
     */
    public Result due(TenantId tenant, LocalDate target, java.util.Collection<AccountId> onlyAccounts) {
        Map<Key, List<UsagePeriod>> due = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Meter> known = meters.indexed(tenant);
        if (known.isEmpty()) {
            return new Result(List.of(), List.of()); // a tenant that meters nothing has no usage to bill
        }
        Instant now = clocks.of(tenant).instant();
        Map<AccountId, Optional<AccountView>> accountsSeen = new HashMap<>();
        TenantPacks runPacks = new RunPacks(packs); // asked per subscription: once per date for the whole run
        List<SubscriptionView> active = onlyAccounts == null ? subscriptions.activeOn(tenant, target)
                : subscriptions.activeOn(tenant, target, onlyAccounts);
        int[] next = {0};
        while (next[0] < active.size()) {
            // a chunk of subscriptions is read in one transaction, bound to the tenant once (issue 14); it only
            // reads, so a chunk that a failure marked for rollback loses nothing
            try {
                tenantScope.run(tenant, () -> {
                    for (int n = 0; n < CHUNK && next[0] < active.size(); n++) {
                        SubscriptionView s = active.get(next[0]++);
                        try {
                            dueOf(tenant, s, target, now, known, accountsSeen, due, problems, runPacks);
                        } catch (RuntimeException e) {
                            // one subscription's usage that cannot be read or placed is its problem, not the run's
                            problems.add("usage of subscription " + s.subscriptionId() + " was not rated: "
                                    + e.getMessage());
                            return; // a failed statement ends the transaction: the next subscription starts another
                        }
                    }
                });
            } catch (UnexpectedRollbackException e) {
                // a subscription's failure (recorded above) marked the chunk's transaction rollback-only
            }
        }
        List<Due> result = new ArrayList<>();
        due.forEach((key, facts) -> result.add(new Due(key.account(), key.invoiceDate(), facts)));
        return new Result(result, problems);
    }

    private void dueOf(TenantId tenant, SubscriptionView s, LocalDate target, Instant now, Map<String, Meter> known,
                       Map<AccountId, Optional<AccountView>> accountsSeen, Map<Key, List<UsagePeriod>> due,
                       List<String> problems, TenantPacks packs) {
        {
            Optional<AccountView> account = accountsSeen.computeIfAbsent(s.accountId(),
                    id -> accounts.find(tenant, id));
            if (account.isEmpty()) {
                problems.add("subscription " + s.subscriptionId() + " belongs to an unknown account " + s.accountId());
                return;
            }
            ZoneId zone = ZoneId.of(account.get().timeZone());
            List<UsageWindow> windows = windows(packs, tenant, s, target.plusDays(1)).stream()
                    .filter(w -> !w.to().isAfter(target) && !w.end(zone).isAfter(now)).toList();
            if (windows.isEmpty()) {
                return;
            }
            Map<BilledUsage.Key, BilledUsage.Billed> billed = null;
            Set<BilledUsage.Key> reread = new HashSet<>();
            for (int i = 0; i < windows.size(); i++) {
                UsageWindow window = windows.get(i);
                List<UsageCharge> charges = charges(packs, tenant, s, window.to(), problems);
                for (UsageCharge charge : charges) {
                    Meter meter = known.get(charge.meter());
                    if (meter == null) {
                        problems.add("usage charge " + charge.charge() + " of plan " + s.plan() + " prices meter '"
                                + charge.meter() + "', which the seller does not meter");
                        continue;
                    }
                    if (billed == null) {
                        billed = billedUsage.of(tenant, s.subscriptionId().value());
                    }
                    if (billed.containsKey(new BilledUsage.Key(meter.code(), window.from()))) {
                        continue;
                    }
                    List<UsagePeriod> facts = due.computeIfAbsent(new Key(s.accountId(), window.to()),
                            k -> new ArrayList<>());
                    facts.add(period(tenant, s, meter, charge, window, zone, null,
                            trailingAverage(meter, windows, i, billed)));
                    for (int j = i - 1; j >= 0 && j >= i - LATE_USAGE_PERIODS; j--) {
                        UsageWindow earlier = windows.get(j);
                        BilledUsage.Key key = new BilledUsage.Key(meter.code(), earlier.from());
                        BilledUsage.Billed before = billed.get(key);
                        if (before == null || !reread.add(key)) {
                            continue;
                        }
                        UsagePeriod again = period(tenant, s, meter, charge, earlier, zone, before, null);
                        if (again.quantity().compareTo(before.quantity()) != 0
                                || again.events() != before.transactions()) {
                            facts.add(again);
                        }
                    }
                }
            }
        }
    }

    /**
     * The subscription's usage periods that start before {@code until}: its plan's billing periods (the cadence
     * of the pack in effect when it started), placed by the billing alignment of the pack in effect on the day
     * before {@code until}, the target date, as the billing run places the plan's charge.
     */
    List<UsageWindow> windows(TenantId tenant, SubscriptionView s, LocalDate until) {
        return windows(packs, tenant, s, until);
    }

    private static List<UsageWindow> windows(TenantPacks packs, TenantId tenant, SubscriptionView s, LocalDate until) {
        Cadence cadence = Cadence.of(BillingPeriod.MONTHLY);
        try {
            cadence = packs.inEffect(tenant, s.startDate()).plan(s.plan(), s.currency()).map(CatalogPlan::cadence)
                    .orElse(cadence);
        } catch (BillingRejection noPackThen) {
            // the plan's period is unknown; usage follows monthly periods
        }
        BillingAlignment alignment = BillingAlignment.DEFAULT;
        try {
            alignment = packs.inEffect(tenant, until.minusDays(1)).alignment();
        } catch (BillingRejection noPackNow) {
            // no pack to say otherwise; periods follow the billing cycle day
        }
        return UsagePeriods.until(s.phases(), BillingCycle.of(alignment, s.billCycleDay(), s.startDate()), cadence,
                until);
    }

    /** The usage charges of the subscription's plan in the pack in effect on {@code day}. */
    List<UsageCharge> charges(TenantId tenant, SubscriptionView s, LocalDate day, List<String> problems) {
        return charges(packs, tenant, s, day, problems);
    }

    private static List<UsageCharge> charges(TenantPacks packs, TenantId tenant, SubscriptionView s, LocalDate day,
                                             List<String> problems) {
        try {
            RulePack pack = packs.inEffect(tenant, day);
            return pack.usageCharges(s.plan(), s.currency());
        } catch (BillingRejection e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    /**
     * The window's usage as a fact. Charges priced per transaction get every amount; their count and (for a
     * summed meter) their sum are then taken from the same read, so the two always agree.
     */
    UsagePeriod period(TenantId tenant, SubscriptionView s, Meter meter, UsageCharge charge, UsageWindow window,
                       ZoneId zone, BilledUsage.Billed billed, BigDecimal trailingAverage) {
        UUID id = s.subscriptionId().value();
        // events of the day service stops count, except for a level weighted over the days in service
        boolean weighted = meter.aggregation() == Aggregation.TIME_WEIGHTED;
        Instant until = weighted ? window.end(zone) : window.eventsEnd(zone);
        LocalDate to = weighted ? window.to() : window.eventsTo();
        BigDecimal quantity;
        long events;
        TransactionAmounts amounts = TransactionAmounts.NONE;
        if (charge.perTransaction()) {
            amounts = usage.transactionAmounts(tenant, id, meter.code(), window.start(zone), until,
                    charge.freeEvents(), charge.freeUnits());
            events = amounts.count();
            quantity = meter.aggregation() == Aggregation.SUM ? sum(amounts)
                    : usage.aggregate(tenant, id, meter, window.start(zone), until, window.period(zone))
                    .quantity();
        } else {
            MeterUsage aggregated = usage.aggregate(tenant, id, meter, window.start(zone), until,
                    window.period(zone));
            quantity = aggregated.quantity();
            events = aggregated.events();
        }
        return new UsagePeriod(id.toString(), s.plan(), meter.code(), meter.unit(), s.currency(), window.from(),
                to, quantity, events, amounts, billed == null ? null : billed.amount(),
                billed == null ? null : billed.quantity(), trailingAverage);
    }

    private static BigDecimal sum(TransactionAmounts amounts) {
        BigDecimal sum = amounts.earliest().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (TransactionAmounts.AmountCount group : amounts.others()) {
            sum = sum.add(group.amount().multiply(BigDecimal.valueOf(group.count())));
        }
        return sum.signum() == 0 ? BigDecimal.ZERO : sum.stripTrailingZeros();
    }

    /** The average billed quantity of up to {@value #TRAILING_PERIODS} periods before window {@code i}; null if none. */
    private static BigDecimal trailingAverage(Meter meter, List<UsageWindow> windows, int i,
                                              Map<BilledUsage.Key, BilledUsage.Billed> billed) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int j = i - 1; j >= 0 && j >= i - TRAILING_PERIODS; j--) {
            BilledUsage.Billed b = billed.get(new BilledUsage.Key(meter.code(), windows.get(j).from()));
            if (b != null) {
                sum = sum.add(b.quantity());
                count++;
            }
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).stripTrailingZeros();
    }
}
