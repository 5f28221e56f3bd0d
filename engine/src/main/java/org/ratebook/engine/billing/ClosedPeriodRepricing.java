package org.ratebook.engine.billing;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * What-if: the invoices a closed period actually issued, each decided again by another pack version. This is the
 * one adapter between the pricing console and the billing run's decision: it rebuilds each issued invoice's
 * {@link InvoiceQuestion} from what the invoice recorded (the spans with their plan, phase, seats and proration;
 * usage periods with their quantity; one-off charges; the customer's tax facts; the seller) and asks
 * {@link DecisionService#decide} — the function the billing run asks — with the given pack. Lines no rule decides
 * (repairs of earlier charges, account credit) and coupon discounts (whose periods-left count depends on the
 * invoices in between) are carried at their invoiced amounts. Nothing is recorded. When the billing run becomes a
 * pure assembler, this class should ask it instead of rebuilding the question.
 */
@Component
public class ClosedPeriodRepricing {

    /** One account's invoices in the period: what they totalled and what the pack decides for the same items. */
    public record AccountRepricing(UUID accountId, String accountName, String currency, List<String> plans,
                                   int invoices, BigDecimal invoiced, BigDecimal repriced, String problem) {
        public BigDecimal difference() {
            return repriced == null ? null : repriced.subtract(invoiced);
        }
    }

    private record Line(UUID subscriptionId, String itemType, String description, LocalDate from, LocalDate to,
                        BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal taxAmount,
                        String plan, String phase, LocalDate billingFrom, LocalDate billingTo, String coupon,
                        String meter, String unit, Long transactions, UUID chargeId) {
    }

    private record Issued(UUID invoiceId, UUID accountId, LocalDate date, String currency, BigDecimal total,
                          List<Line> lines) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final AccountDirectory accounts;
    private final TenantRegistry tenants;
    private final DecisionService decisions;

    public ClosedPeriodRepricing(JdbcTemplate jdbc, TenantScope tenantScope, AccountDirectory accounts,
                                 TenantRegistry tenants, DecisionService decisions) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.accounts = accounts;
        this.tenants = tenants;
        this.decisions = decisions;
    }

    /** How many accounts have an issued invoice dated {@code from} to {@code to} (both included). */
    public int accountsInvoiced(TenantId tenant, LocalDate from, LocalDate to) {
        Integer n = tenantScope.call(tenant, () -> jdbc.queryForObject("""
                SELECT count(DISTINCT account_id) FROM invoices WHERE tenant_id = ? AND invoice_date BETWEEN ? AND ?
                  AND status NOT IN ('DRAFT', 'DISCARDED', 'VOID')""", Integer.class, tenant.value(), from, to));
        return n == null ? 0 : n;
    }

    /**
     * Every account invoiced in the period, repriced by {@code pack}, in account order. {@code progress} hears the
     * number of accounts done; when {@code cancelled} says so, the accounts done so far are returned.
     */
    public List<AccountRepricing> reprice(TenantId tenantId, LocalDate from, LocalDate to, RulePack pack,
                                          IntConsumer progress, BooleanSupplier cancelled) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        List<Map.Entry<UUID, List<Issued>>> accounts = new ArrayList<>(issued(tenantId, from, to).entrySet());
        AccountRepricing[] result = new AccountRepricing[accounts.size()];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        // each account is decided on its own, so the work is shared by one thread per core (at most four)
        int threads = Math.max(1, Math.min(Math.min(4, Runtime.getRuntime().availableProcessors()), accounts.size()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < accounts.size() && !cancelled.getAsBoolean(); i += threads) {
                        result[i] = reprice(tenant, accounts.get(i).getKey(), accounts.get(i).getValue(), pack);
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return java.util.Arrays.stream(result).filter(java.util.Objects::nonNull).toList();
    }

    private AccountRepricing reprice(Tenant tenant, UUID accountId, List<Issued> invoices, RulePack pack) {
        AccountView account = accounts.find(tenant.id(), new AccountId(accountId)).orElse(null);
        String currency = invoices.getFirst().currency();
        BigDecimal invoiced = invoices.stream().map(Issued::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(java.util.Currency.getInstance(currency).getDefaultFractionDigits(),
                        java.math.RoundingMode.HALF_UP);
        List<String> plans = invoices.stream().flatMap(i -> i.lines().stream()).map(Line::plan)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        String name = account == null ? accountId.toString() : account.name();
        if (account == null) {
            return new AccountRepricing(accountId, name, currency, plans, invoices.size(), invoiced, null,
                    "the account is not in the account directory");
        }
        BigDecimal repriced = BigDecimal.ZERO;
        try {
            for (Issued invoice : invoices) {
                repriced = repriced.add(reprice(tenant, account, invoice, pack));
            }
        } catch (DecisionException | IllegalArgumentException e) {
            return new AccountRepricing(accountId, name, currency, plans, invoices.size(), invoiced, null,
                    e.getMessage());
        }
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return new AccountRepricing(accountId, name, currency, plans, invoices.size(),
                invoiced.setScale(digits, java.math.RoundingMode.HALF_UP),
                repriced.setScale(digits, java.math.RoundingMode.HALF_UP), null);
    }

    private BigDecimal reprice(Tenant tenant, AccountView account, Issued invoice, RulePack pack) {
        List<SubscriptionPeriod> periods = new ArrayList<>();
        List<UsagePeriod> usage = new ArrayList<>();
        List<OneOffCharge> oneOffs = new ArrayList<>();
        BigDecimal carried = BigDecimal.ZERO;
        for (Line l : invoice.lines()) {
            String sub = l.subscriptionId() == null ? null : l.subscriptionId().toString();
            switch (l.itemType()) {
                case "RECURRING", "FIXED" -> {
                    if (l.plan() == null || l.meter() != null) {
                        carried = carried.add(l.amount()).add(l.taxAmount());
                        continue;
                    }
                    LocalDate billingFrom = l.billingFrom() == null ? l.from() : l.billingFrom();
                    LocalDate billingTo = l.billingTo() == null ? l.to() : l.billingTo();
                    long num = l.from() == null || l.to() == null ? 1 : ChronoUnit.DAYS.between(l.from(), l.to());
                    long den = billingFrom == null || billingTo == null ? 1 : ChronoUnit.DAYS.between(billingFrom, billingTo);
                    if (num <= 0 || den <= 0 || num >= den) {
                        num = 1;
                        den = 1;
                    }
                    periods.add(new SubscriptionPeriod(sub, l.plan(), l.quantity().intValue(), invoice.currency(),
                            l.from(), l.to(), l.phase() == null ? org.ratebook.rules.fact.CatalogPlan.EVERGREEN
                            : l.phase(), billingFrom, billingTo, num, den));
                }
                case "USAGE" -> usage.add(new UsagePeriod(sub, l.plan(), l.meter(), l.unit(), invoice.currency(),
                        l.from(), l.to(), l.quantity(), l.transactions() == null ? 0 : l.transactions()));
                case "ONE_OFF" -> oneOffs.add(new OneOffCharge(l.chargeId() == null ? null : l.chargeId().toString(),
                        account.accountId().toString(), l.description(), l.quantity(), l.unitPrice(),
                        invoice.currency(), l.from() == null ? invoice.date() : l.from()));
                case "DISCOUNT" -> {
                    if (l.coupon() != null) {
                        carried = carried.add(l.amount()).add(l.taxAmount());
                    }
                }
                default -> carried = carried.add(l.amount()).add(l.taxAmount());
            }
        }
        if (periods.isEmpty() && usage.isEmpty() && oneOffs.isEmpty()) {
            return carried;
        }
        InvoiceDecision decision = decisions.decide(pack, new InvoiceQuestion(TaxAndDiscountFacts.customer(account),
                invoice.date(), periods, TaxAndDiscountFacts.seller(tenant), List.of(), oneOffs, usage));
        BigDecimal decided = decision.lines().stream().filter(d -> d.coupon() == null)
                .map(d -> d.amount().add(d.taxAmount() == null ? BigDecimal.ZERO : d.taxAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return decided.add(carried);
    }

    private Map<UUID, List<Issued>> issued(TenantId tenant, LocalDate from, LocalDate to) {
        return tenantScope.call(tenant, () -> {
            Map<UUID, Issued> invoices = new LinkedHashMap<>();
            jdbc.query("""
                    SELECT invoice_id, account_id, invoice_date, currency, total FROM invoices
                    WHERE tenant_id = ? AND invoice_date BETWEEN ? AND ? AND status NOT IN ('DRAFT', 'DISCARDED', 'VOID')
                    ORDER BY account_id, invoice_date, invoice_id""", rs -> {
                UUID id = rs.getObject(1, UUID.class);
                invoices.put(id, new Issued(id, rs.getObject(2, UUID.class), rs.getDate(3).toLocalDate(),
                        rs.getString(4).trim(), rs.getBigDecimal(5), new ArrayList<>()));
            }, tenant.value(), from, to);
            jdbc.query("""
                    SELECT l.invoice_id, l.subscription_id, l.item_type, l.description, l.period_from, l.period_to,
                           l.quantity, l.unit_price, l.amount, l.tax_amount, l.plan, l.phase, l.billing_period_from,
                           l.billing_period_to, l.coupon, l.meter, l.unit, l.transactions, l.charge_id
                    FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                    WHERE l.tenant_id = ? AND i.invoice_date BETWEEN ? AND ?
                    ORDER BY l.invoice_id, l.line_no""", rs -> {
                Issued invoice = invoices.get(rs.getObject(1, UUID.class));
                if (invoice != null) {
                    invoice.lines().add(new Line(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            day(rs.getDate(5)), day(rs.getDate(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11), rs.getString(12),
                            day(rs.getDate(13)), day(rs.getDate(14)), rs.getString(15), rs.getString(16),
                            rs.getString(17), rs.getObject(18) == null ? null : rs.getLong(18),
                            rs.getObject(19, UUID.class)));
                }
            }, tenant.value(), from, to);
            Map<UUID, List<Issued>> byAccount = new LinkedHashMap<>();
            invoices.values().forEach(i -> byAccount.computeIfAbsent(i.accountId(), a -> new ArrayList<>()).add(i));
            return byAccount;
        });
    }

    private static LocalDate day(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
