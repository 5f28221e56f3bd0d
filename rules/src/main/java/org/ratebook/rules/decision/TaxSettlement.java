package org.ratebook.rules.decision;

import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.money.Rounding;
import org.ratebook.rules.pack.TaxRounding;
import org.ratebook.rules.pack.TaxSettings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles tax once the tax rules have fired and makes the invoice's decided lines (plain Java rules cannot
 * call). A discount becomes a negative DISCOUNT line that is taxed like the line it discounts: the tax of a
 * charge and its discounts together is the tax of their net amount, rounded once (per line), or, with
 * {@code tax_rounding=INVOICE}, the tax of each rate's net total, rounded once and shared out over its lines.
 * With {@code prices_include_tax=true} the tax is taken out of the amounts instead of added.
 */
final class TaxSettlement {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Shares of an invoice's tax start from each line's exact tax rounded down; the cents left go by remainder. */
    private static final Rounding DOWN = new Rounding(RoundingMode.FLOOR);

    /** A line's amount before tax and its tax. */
    private record Taxed(BigDecimal amount, BigDecimal tax) {
    }

    private final Ledger ledger;
    private final List<Charge> charges;
    private final List<DiscountSettlement.Discount> discounts;
    private final TaxOutput taxes;
    private final TaxSettings settings;
    private final Rounding money;

    private TaxSettlement(Ledger ledger, List<DiscountSettlement.Discount> discounts, TaxOutput taxes,
                          TaxSettings settings, Rounding money) {
        this.ledger = ledger;
        this.charges = ledger.charges();
        this.discounts = discounts;
        this.taxes = taxes;
        this.settings = settings == null ? TaxSettings.DEFAULT : settings;
        this.money = money;
    }

    /** The decided lines: the charges in order, then the discount lines numbered by the line they discount. */
    static List<DecidedLine> lines(Ledger ledger, List<DiscountSettlement.Discount> discounts, TaxOutput taxes,
                                   TaxSettings settings, Rounding money) {
        return new TaxSettlement(ledger, discounts, taxes, settings, money).lines();
    }

    private List<DecidedLine> lines() {
        Map<Integer, List<Integer>> discountsOf = new HashMap<>();
        for (int i = 0; i < discounts.size(); i++) {
            discountsOf.computeIfAbsent(discounts.get(i).charge().lineNo(), n -> new ArrayList<>())
                    .add(discountLineNo(i));
        }
        Map<Integer, Taxed> taxed = settings.taxRounding() == TaxRounding.INVOICE
                ? taxedPerInvoice() : taxedPerLine(discountsOf);

        List<DecidedLine> lines = new ArrayList<>();
        for (Charge c : charges) {
            TaxOutput.Tax tax = taxes.of(c.lineNo());
            Taxed t = taxed.get(c.lineNo());
            Ledger.UsageDetail usage = ledger.usage(c.lineNo());
            lines.add(new DecidedLine(c.lineNo(), c.subscriptionId(), c.itemType(), c.description(), c.from(),
                    c.to(), c.quantity(), c.unitPrice(), t.amount(), rate(tax), t.tax(), label(tax),
                    ledger.rules(c.lineNo()), null, null, c.reference(),
                    usage == null ? null : usage.meter(), usage == null ? c.unit() : usage.unit(),
                    usage == null ? List.of() : usage.tiers(), usage == null ? null : usage.transactions()));
        }
        for (int i = 0; i < discounts.size(); i++) {
            DiscountSettlement.Discount d = discounts.get(i);
            Charge c = d.charge();
            TaxOutput.Tax tax = taxes.of(c.lineNo());
            Taxed t = taxed.get(discountLineNo(i));
            lines.add(new DecidedLine(discountLineNo(i), c.subscriptionId(), "DISCOUNT", d.label(), c.from(), c.to(),
                    BigDecimal.ONE, t.amount(), t.amount(), rate(tax), t.tax(), label(tax),
                    d.rule() == null ? List.of() : List.of(d.rule()), c.lineNo(), d.coupon(), null));
        }
        return lines;
    }

    private int discountLineNo(int index) {
        return charges.size() + 1 + index;
    }

    private static BigDecimal rate(TaxOutput.Tax tax) {
        return tax == null ? BigDecimal.ZERO : tax.ratePercent();
    }

    private static String label(TaxOutput.Tax tax) {
        return tax == null ? "no tax rule matched" : tax.label();
    }

    /**
     * Tax of each charge and its discounts in turn: after each one, the tax of the running net amount, rounded
     * once; a line's tax is how much that moved. So the charge's tax is its own, and its discounts bring the
     * pair to the tax of what is actually paid.
     */
    private Map<Integer, Taxed> taxedPerLine(Map<Integer, List<Integer>> discountsOf) {
        Map<Integer, Taxed> taxed = new HashMap<>();
        for (Charge c : charges) {
            BigDecimal rate = rate(taxes.of(c.lineNo()));
            BigDecimal running = c.amount();
            BigDecimal taxSoFar = taxOf(running, rate, c.currency());
            taxed.put(c.lineNo(), taxed(c.amount(), taxSoFar));
            for (int lineNo : discountsOf.getOrDefault(c.lineNo(), List.of())) {
                DiscountSettlement.Discount d = discounts.get(lineNo - charges.size() - 1);
                running = running.add(d.amount());
                BigDecimal taxNow = taxOf(running, rate, c.currency());
                taxed.put(lineNo, taxed(d.amount(), taxNow.subtract(taxSoFar)));
                taxSoFar = taxNow;
            }
        }
        return taxed;
    }

    /**
     * Tax once per rate (and label) on the invoice: the tax of the group's net total, rounded once, shared out
     * over its lines by their exact shares, the cents left by rounding going to the largest remainders (the
     * earlier line on a tie), so the lines still add up to the invoice's tax.
     */
    private Map<Integer, Taxed> taxedPerInvoice() {
        record Item(int lineNo, BigDecimal amount, String currency) {
        }
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new HashMap<>();
        for (Charge c : charges) {
            TaxOutput.Tax tax = taxes.of(c.lineNo());
            String key = rate(tax).stripTrailingZeros().toPlainString() + "|" + label(tax) + "|" + c.currency();
            rates.put(key, rate(tax));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Item(c.lineNo(), c.amount(), c.currency()));
        }
        for (int i = 0; i < discounts.size(); i++) {
            DiscountSettlement.Discount d = discounts.get(i);
            TaxOutput.Tax tax = taxes.of(d.charge().lineNo());
            String key = rate(tax).stripTrailingZeros().toPlainString() + "|" + label(tax) + "|"
                    + d.charge().currency();
            groups.get(key).add(new Item(discountLineNo(i), d.amount(), d.charge().currency()));
        }
        Map<Integer, Taxed> taxed = new HashMap<>();
        groups.forEach((key, items) -> {
            BigDecimal rate = rates.get(key);
            String currency = items.getFirst().currency();
            BigDecimal total = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal groupTax = taxOf(total, rate, currency);
            List<BigDecimal> exact = items.stream().map(i -> exactTax(i.amount(), rate)).toList();
            List<BigDecimal> shares = new ArrayList<>(exact.stream().map(e -> DOWN.round(e, currency)).toList());
            BigDecimal unit = BigDecimal.ONE.movePointLeft(Rounding.scale(currency));
            int cents = groupTax.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .divide(unit, MathContext.DECIMAL128).intValue();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer, BigDecimal>comparing(i -> exact.get(i).subtract(shares.get(i)))
                    .reversed().thenComparing(i -> items.get(i).lineNo()));
            for (int k = 0; k < cents; k++) {
                int i = order.get(k % order.size());
                shares.set(i, shares.get(i).add(unit));
            }
            for (int i = 0; i < items.size(); i++) {
                taxed.put(items.get(i).lineNo(), taxed(items.get(i).amount(), shares.get(i)));
            }
        });
        return taxed;
    }

    /** The tax in {@code base} (an amount before tax, or with tax included if prices include tax), rounded. */
    private BigDecimal taxOf(BigDecimal base, BigDecimal rate, String currency) {
        return money.round(exactTax(base, rate), currency);
    }

    private BigDecimal exactTax(BigDecimal base, BigDecimal rate) {
        if (rate.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal divisor = settings.pricesIncludeTax() ? HUNDRED.add(rate) : HUNDRED;
        return base.multiply(rate, MathContext.DECIMAL128).divide(divisor, MathContext.DECIMAL128);
    }

    /** A line as invoiced: with prices that include tax, its amount before tax is what remains after the tax. */
    private Taxed taxed(BigDecimal decided, BigDecimal tax) {
        // the tax is at the currency's scale already: this only aligns a zero tax's scale with the amount's
        BigDecimal scaledTax = tax.setScale(decided.scale(), RoundingMode.UNNECESSARY);
        return new Taxed(settings.pricesIncludeTax() ? decided.subtract(scaledTax) : decided, scaledTax);
    }
}
