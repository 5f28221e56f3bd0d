package org.ratebook.console.pricing;

import org.ratebook.engine.billing.ClosedPeriodRepricing;
import org.ratebook.engine.billing.ClosedPeriodRepricing.AccountRepricing;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What-if runs in the background, one thread for all tenants (re-pricing is CPU work and the machine is shared).
 * A run is kept per tenant and version until the next run of that version, so leaving the page and coming back
 * shows its progress or its result, and the approver sees the analyst's last run.
 */
@Component
class WhatIfRuns {

    /** The totals of a group of accounts (all, or those on one plan). */
    record Impact(String group, String currency, int accounts, BigDecimal invoiced, BigDecimal repriced) {
        BigDecimal difference() {
            return repriced.subtract(invoiced);
        }

        /** The change in percent of what was invoiced, one decimal; null when nothing was invoiced. */
        BigDecimal percent() {
            return invoiced.signum() == 0 ? null
                    : difference().multiply(BigDecimal.valueOf(100)).divide(invoiced, 1, RoundingMode.HALF_UP);
        }
    }

    static final class Run {
        final int version;
        final LocalDate from;
        final LocalDate to;
        final int total;
        final AtomicInteger done = new AtomicInteger();
        final long startedNanos = System.nanoTime();
        volatile boolean cancelled;
        volatile boolean finished;
        volatile String problem;
        volatile long tookMillis;
        volatile List<AccountRepricing> accounts = List.of();

        Run(int version, LocalDate from, LocalDate to, int total) {
            this.version = version;
            this.from = from;
            this.to = to;
            this.total = total;
        }

        double progress() {
            return total == 0 ? 1 : Math.min(1, done.get() / (double) total);
        }

        String state() {
            if (!finished) {
                return "Re-pricing " + done.get() + " of " + total + " accounts…";
            }
            if (problem != null) {
                return "The what-if stopped: " + problem;
            }
            return (cancelled ? "Cancelled after " : "Re-priced ") + accounts.size() + " account"
                    + (accounts.size() == 1 ? "" : "s") + " invoiced " + from + " to " + to + " in "
                    + Duration.ofMillis(tookMillis).toMillis() / 1000.0 + " s";
        }

        /** Totals per currency (all accounts), then per plan combination. */
        List<Impact> impact() {
            List<Impact> rows = new ArrayList<>();
            Map<String, List<AccountRepricing>> byCurrency = accounts.stream().filter(a -> a.repriced() != null)
                    .collect(Collectors.groupingBy(AccountRepricing::currency, TreeMap::new, Collectors.toList()));
            byCurrency.forEach((currency, list) -> rows.add(sum("All accounts", currency, list)));
            Map<String, List<AccountRepricing>> byPlan = accounts.stream().filter(a -> a.repriced() != null)
                    .collect(Collectors.groupingBy(a -> (a.plans().isEmpty() ? "(no plan)" : String.join(" + ",
                            a.plans())) + "|" + a.currency(), TreeMap::new, Collectors.toList()));
            byPlan.forEach((key, list) -> rows.add(sum(key.substring(0, key.indexOf('|')), list.getFirst().currency(),
                    list)));
            return rows;
        }

        /** "+3.2 %" over all accounts of the main currency, for the publish dialog; empty before a finished run. */
        Optional<String> headline() {
            if (!finished || problem != null) {
                return Optional.empty();
            }
            return impact().stream().filter(i -> i.group().equals("All accounts")).findFirst()
                    .map(i -> (i.percent() == null ? "n/a" : (i.percent().signum() > 0 ? "+" : "") + i.percent()
                            + " %") + " (" + i.currency() + " " + i.invoiced().toPlainString() + " → "
                            + i.repriced().toPlainString() + ", " + i.accounts() + " accounts invoiced " + from + " to "
                            + to + ")");
        }

        private static Impact sum(String group, String currency, List<AccountRepricing> list) {
            return new Impact(group, currency, list.size(),
                    list.stream().map(AccountRepricing::invoiced).reduce(BigDecimal.ZERO, BigDecimal::add),
                    list.stream().map(AccountRepricing::repriced).reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        /** The per-account rows as CSV, for a spreadsheet. */
        String csv() {
            StringBuilder out = new StringBuilder("account,account_id,plans,currency,invoices,invoiced,repriced,"
                    + "difference,problem\n");
            for (AccountRepricing a : accounts) {
                out.append(String.join(",", clean(a.accountName()), a.accountId().toString(),
                        clean(String.join(" + ", a.plans())), a.currency(), Integer.toString(a.invoices()),
                        a.invoiced().toPlainString(), a.repriced() == null ? "" : a.repriced().toPlainString(),
                        a.difference() == null ? "" : a.difference().toPlainString(),
                        a.problem() == null ? "" : clean(a.problem()))).append('\n');
            }
            return out.toString();
        }

        private static String clean(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n")
                    ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    private final ClosedPeriodRepricing repricing;
    private final PricingService pricing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "what-if");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    WhatIfRuns(ClosedPeriodRepricing repricing, PricingService pricing) {
        this.repricing = repricing;
        this.pricing = pricing;
    }

    /** Last month by the tenant's calendar: its first and last day. */
    static LocalDate[] lastMonth(LocalDate today) {
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        return new LocalDate[]{first, first.plusMonths(1).minusDays(1)};
    }

    /** Starts re-pricing every account invoiced from {@code from} to {@code to} with {@code version}. */
    Run start(int version, LocalDate from, LocalDate to) {
        TenantId tenant = pricing.tenantFor("Running a what-if", Role.Names.ANALYST, Role.Names.APPROVER,
                Role.Names.TENANT_ADMIN);
        if (from == null || to == null || to.isBefore(from)) {
            throw new PricingService.Refused("choose a period whose end is not before its start");
        }
        if (!to.isBefore(pricing.today())) {
            throw new PricingService.Refused("a what-if re-prices a closed period: choose one that ended before today ("
                    + pricing.today() + ")");
        }
        RulePack pack = pricing.pack(tenant, version);
        Run previous = runs.get(key(tenant, version));
        if (previous != null && !previous.finished) {
            return previous;
        }
        Run run = new Run(version, from, to, repricing.accountsInvoiced(tenant, from, to));
        runs.put(key(tenant, version), run);
        worker.submit(() -> {
            try {
                run.accounts = repricing.reprice(tenant, from, to, pack, n -> run.done.accumulateAndGet(n, Math::max),
                        () -> run.cancelled);
            } catch (RuntimeException e) {
                run.problem = e.getMessage();
            } finally {
                run.tookMillis = (System.nanoTime() - run.startedNanos) / 1_000_000;
                run.finished = true;
            }
        });
        return run;
    }

    Optional<Run> latest(int version) {
        TenantId tenant = pricing.tenantFor("Seeing a what-if", PricingService.READERS.toArray(String[]::new));
        return Optional.ofNullable(runs.get(key(tenant, version)));
    }

    private static String key(TenantId tenant, int version) {
        return tenant.value() + "|" + version;
    }
}
