package org.ratebook.rules.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ratebook.rules.TestPacks;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.time.DayCount;
import org.ratebook.rules.time.Fraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money properties checked on generated invoices and periods (jqwik, decision 021), through the real decision
 * service and Drools: a failing try is shrunk to the smallest invoice or period that breaks the property.
 * The last line of the run prints how many properties ran and how many tries each made.
 */
class MoneyPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** A VAT rule per rate, compiled once per rate (Drools compiles are the slow part, not the property). */
    private static final Map<String, RulePack> VAT_PACKS = new ConcurrentHashMap<>();
    private static final DecisionService SERVICE = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    /** A second compiler: the same content compiled again, as on another node or after a restart. */
    private static final DecisionService ELSEWHERE = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    private static final Map<String, AtomicInteger> TRIES = new ConcurrentHashMap<>();

    private static void tried(String property) {
        TRIES.computeIfAbsent(property, p -> new AtomicInteger()).incrementAndGet();
    }

    @AfterContainer
    static void printFigures() {
        int total = TRIES.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("Money properties: " + TRIES.size() + " properties x tries " + TRIES + " = " + total
                + " tries, all held");
    }

    private static RulePack vat(String rate) {
        return VAT_PACKS.computeIfAbsent(rate, r -> TestPacks.withTax("""
                package t;
                import java.math.BigDecimal;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.Decisions decisions;
                rule "VAT %s%%"
                when $c : Charge() then decisions.tax($c, new BigDecimal("%s"), "VAT %s%%"); end
                """.formatted(r, r, r)));
    }

    record Sub(String plan, int quantity, int startDay) {
    }

    @Provide
    Arbitrary<List<Sub>> subscriptions() {
        Arbitrary<Sub> sub = Combinators.combine(Arbitraries.of("Starter", "Pro"), Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(1, 31)).as(Sub::new);
        return sub.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> vatRates() {
        return Arbitraries.of("0", "7.7", "21"); // a Drools compile per rate and compiler: few rates, many invoices
    }

    private static InvoiceQuestion question(List<Sub> subs) {
        LocalDate from = LocalDate.of(2027, 1, 1);
        LocalDate to = LocalDate.of(2027, 2, 1);
        List<SubscriptionPeriod> periods = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            Sub s = subs.get(i);
            LocalDate start = from.plusDays(s.startDay() - 1);
            // a subscription started mid-month is prorated from its start (ACTUAL: days served / days of January)
            periods.add(new SubscriptionPeriod("sub-" + i, s.plan(), s.quantity(), "EUR", start, to, CatalogPlan.EVERGREEN,
                    from, to, 32 - s.startDay(), 31));
        }
        return new InvoiceQuestion(new BillingAccount("acc-1", "EUR", "DE"), from, periods);
    }

    /**
     * The total an invoice asks for is the sum of its items and their tax, each line's tax being its own amount
     * at the rate, rounded once, and never further than half a cent per line from the exact, unrounded sum.
     */
    @Property(tries = 200)
    void anInvoiceTotalIsItsItemsPlusTheirTax(@ForAll("subscriptions") List<Sub> subs,
                                              @ForAll("vatRates") String rate) {
        tried("invoice total = items + tax");
        InvoiceDecision decision = SERVICE.decide(vat(rate), question(subs));
        assertThat(decision.lines()).hasSize(subs.size());
        BigDecimal items = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < subs.size(); i++) {
            DecidedLine line = decision.lines().get(i);
            Sub sub = subs.get(i);
            assertThat(line.amount().scale()).isEqualTo(2);
            assertThat(line.taxAmount().scale()).isEqualTo(2);
            assertThat(line.taxAmount()).isEqualByComparingTo(line.amount().multiply(new BigDecimal(rate))
                    .movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
            items = items.add(line.amount());
            tax = tax.add(line.taxAmount());
            BigDecimal price = new BigDecimal(sub.plan().equals("Pro") ? "49.00" : "19.00");
            exact = exact.add(price.multiply(BigDecimal.valueOf(sub.quantity()))
                    .multiply(BigDecimal.valueOf(32 - sub.startDay())).divide(BigDecimal.valueOf(31), 20,
                            RoundingMode.HALF_UP)
                    .multiply(BigDecimal.ONE.add(new BigDecimal(rate).movePointLeft(2))));
        }
        BigDecimal total = decision.lines().stream().map(l -> l.amount().add(l.taxAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(items.add(tax));
        // two roundings per line (amount, then its tax), each at most half a cent (the tax one a little more,
        // since it rounds an already rounded amount times the rate)
        assertThat(total.subtract(exact).abs())
                .isLessThanOrEqualTo(CENT.multiply(BigDecimal.valueOf(subs.size())).multiply(new BigDecimal("1.5")));
    }

    /**
     * However a period is cut into spans (a change of plan, a pause, a cancellation and a reinstatement each cut
     * it), the spans' prorated prices add up to the full price within one cent per cut, in every day count.
     */
    @Property(tries = 1000)
    void aPeriodSplitAtAnyDaysProratesToTheFullPrice(@ForAll DayCount dayCount,
                                                      @ForAll @IntRange(min = 2020, max = 2035) int year,
                                                      @ForAll @IntRange(min = 1, max = 12) int month,
                                                      @ForAll @IntRange(min = 1, max = 31) int billingDay,
                                                      @ForAll @IntRange(min = 1, max = 12) int months,
                                                      @ForAll @IntRange(min = 1, max = 100_000_00) int priceInCents,
                                                      @ForAll("cuts") List<Integer> cuts) {
        tried("a split period prorates to the full price");
        LocalDate periodFrom = LocalDate.of(year, month, Math.min(billingDay, LocalDate.of(year, month, 1).lengthOfMonth()));
        LocalDate periodTo = periodFrom.plusMonths(months);
        long days = periodFrom.until(periodTo, java.time.temporal.ChronoUnit.DAYS);
        TreeSet<LocalDate> at = new TreeSet<>();
        for (int cut : cuts) {
            long offset = 1 + Math.floorMod(cut, days - 1); // strictly inside the period
            at.add(periodFrom.plusDays(offset));
        }
        BigDecimal price = BigDecimal.valueOf(priceInCents, 2);
        List<LocalDate> bounds = new ArrayList<>();
        bounds.add(periodFrom);
        bounds.addAll(at);
        bounds.add(periodTo);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Fraction part = dayCount.fraction(bounds.get(i), bounds.get(i + 1), periodFrom, periodTo);
            sum = sum.add(part.of(price, EUR, RoundingMode.HALF_UP));
        }
        assertThat(sum.subtract(price).abs()).isLessThanOrEqualTo(CENT.multiply(BigDecimal.valueOf(at.size())));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(6);
    }

    /**
     * A change of quantity on any day and its reversal on the same day net to exactly zero: the charge for the
     * rest of the period and the repair that takes it back are rounded alike (HALF_UP is symmetric around zero).
     */
    @Property(tries = 1000)
    void aChangeAndItsReversalNetToZero(@ForAll DayCount dayCount,
                                        @ForAll @IntRange(min = 1, max = 365) int dayOfYear,
                                        @ForAll @IntRange(min = 1, max = 1000) int from,
                                        @ForAll @IntRange(min = 1, max = 1000) int to,
                                        @ForAll @IntRange(min = 1, max = 1_000_000) int unitPriceInCents) {
        tried("a change and its reversal net to zero");
        LocalDate day = LocalDate.of(2027, 1, 1).plusDays(dayOfYear - 1);
        LocalDate periodFrom = day.withDayOfMonth(1);
        LocalDate periodTo = periodFrom.plusMonths(1);
        Fraction rest = dayCount.fraction(day, periodTo, periodFrom, periodTo);
        BigDecimal unitPrice = BigDecimal.valueOf(unitPriceInCents, 2);
        BigDecimal change = rest.of(unitPrice.multiply(BigDecimal.valueOf(to - from)), EUR, RoundingMode.HALF_UP);
        BigDecimal reversal = rest.of(unitPrice.multiply(BigDecimal.valueOf(from - to)), EUR, RoundingMode.HALF_UP);
        assertThat(change.add(reversal)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    /**
     * Re-deciding an invoice (replay, re-derivation, an audit) gives the same items: a pack compiled by another
     * compiler (another node, a restart) and the cached one decide the same lines, amounts, taxes and rule names.
     */
    @Property(tries = 100)
    void reDecidingAnInvoiceGivesTheSameItems(@ForAll("subscriptions") List<Sub> subs,
                                              @ForAll("vatRates") String rate) {
        tried("re-deciding gives the same items");
        InvoiceDecision first = SERVICE.decide(vat(rate), question(subs));
        InvoiceDecision again = ELSEWHERE.decide(vat(rate), question(subs));
        assertThat(first.lines()).hasSize(subs.size());
        assertThat(again.lines()).isEqualTo(first.lines());
        assertThat(again.trace().packHash()).isEqualTo(first.trace().packHash());
    }
}
