package org.ratebook.rules.decision;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.money.Rounding;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the price lists chosen and the prices kept once the pricing rules have fired (plain Java rules cannot
 * call): each plan charge is priced again from the row of its list (the subscription's own list, else the one a
 * rule chose, else DEFAULT; a list without a price for the phase falls back to DEFAULT), then at the price signed
 * up at if a rule keeps it and it is lower. In a catalog with price lists the line says which list priced it (a
 * catalog with only the DEFAULT list keeps its descriptions as they were), and names the rules that decided.
 */
final class PriceSettlement {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private PriceSettlement() {
    }

    static void settle(PricingOutput pricing, Ledger ledger, List<CatalogPlan> catalog, Rounding money) {
        // in a catalog with price lists every plan line names its list; in one without, there is nothing to tell
        boolean severalLists = catalog.stream().anyMatch(p -> !p.inDefaultList());
        for (Map.Entry<Integer, PricingOutput.Priced> entry : pricing.priced().entrySet()) {
            PricingOutput.Priced priced = entry.getValue();
            SubscriptionPeriod period = priced.period();
            CatalogPlan row = priced.plan();
            List<String> notes = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            PricingOutput.ListChoice choice = period.priceList() != null && !period.priceList().isBlank()
                    ? new PricingOutput.ListChoice(period.priceList().strip().toUpperCase(Locale.ROOT), null)
                    : pricing.listChoice(period);
            String list = CatalogPlan.DEFAULT_PRICE_LIST;
            if (choice != null) {
                if (choice.rule() != null) {
                    rules.add(choice.rule());
                }
                if (!choice.priceList().equals(CatalogPlan.DEFAULT_PRICE_LIST)) {
                    Optional<CatalogPlan> listed = samePhase(catalog, row, choice.priceList());
                    if (listed.isPresent()) {
                        row = listed.get();
                        list = choice.priceList();
                        notes.add(list + " price list");
                    } else {
                        notes.add("DEFAULT price list (" + choice.priceList() + " has no price)");
                    }
                }
            }
            if (notes.isEmpty() && severalLists) {
                notes.add("DEFAULT price list");
            }
            PricingOutput.Kept keep = pricing.kept(period);
            if (keep != null && period.signedOn() != null && (keep.months() == null
                    || period.from().isBefore(period.signedOn().plusMonths(keep.months())))) {
                CatalogPlan now = row;
                String inList = list;
                Optional<CatalogPlan> signed = samePhase(period.signedPrices(), now, inList)
                        .or(() -> samePhase(period.signedPrices(), now, CatalogPlan.DEFAULT_PRICE_LIST))
                        .filter(s -> s.period() == now.period() && s.price().compareTo(now.price()) < 0);
                if (signed.isPresent()) {
                    row = now.withPrice(signed.get().price());
                    notes.add("price of " + DAY.format(period.signedOn()) + " kept");
                    rules.add(keep.rule());
                }
            }
            if (notes.isEmpty() && rules.isEmpty()) {
                continue;
            }
            int lineNo = entry.getKey();
            String note = notes.isEmpty() ? "" : ", " + String.join(", ", notes);
            Charge repriced = priced.recurring() ? PricingOutput.recurringCharge(money, lineNo, period, row, note)
                    : PricingOutput.fixedCharge(money, lineNo, period, row, note);
            ledger.replace(repriced);
            rules.forEach(rule -> ledger.stamp(lineNo, rule));
        }
    }

    private static Optional<CatalogPlan> samePhase(List<CatalogPlan> rows, CatalogPlan row, String list) {
        return rows.stream().filter(r -> r.code().equals(row.code()) && r.phase().equals(row.phase())
                && r.currency().equals(row.currency()) && r.priceList().equals(list)).findFirst();
    }
}
