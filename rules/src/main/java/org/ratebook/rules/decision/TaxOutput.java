package org.ratebook.rules.decision;

import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.TaxRate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What tax rules may decide (DRL {@code global TaxOutput tax;}): the rate of each charge and the words printed
 * with it. A later decision on a charge replaces an earlier one. The tax amounts are settled after the tax rules
 * by {@link TaxSettlement}, per line or per invoice as the pack says.
 */
public final class TaxOutput {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A tax decision on one charge: the rate and the words printed with it. */
    record Tax(BigDecimal ratePercent, String label, String rule) {
    }

    private final Ledger ledger;
    private final RuleFiring firing;
    private final Map<Integer, Tax> taxByLine = new LinkedHashMap<>();

    TaxOutput(Ledger ledger, RuleFiring firing) {
        this.ledger = ledger;
        this.firing = firing;
    }

    /** Tax at {@code ratePercent} on one charge (and its discounts), printed with {@code label}. */
    public void rate(Charge charge, BigDecimal ratePercent, String label) {
        if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
            throw firing.mistake("taxed at " + ratePercent + "%; a tax rate is from 0% to 100%");
        }
        taxByLine.put(charge.lineNo(), new Tax(ratePercent, label, firing.rule()));
        ledger.stamp(charge.lineNo(), firing.rule());
    }

    /** Tax at a rate of the pack's tax-rate table, printed with the rate's label. */
    public void at(Charge charge, TaxRate rate) {
        rate(charge, rate.ratePercent(), rate.label());
    }

    /**
     * No tax charged because the customer accounts for it (EU B2B reverse charge); {@code label} is what the
     * invoice must say, e.g. "Reverse charge: VAT to be accounted for by the recipient".
     */
    public void reverseCharge(Charge charge, String label) {
        rate(charge, BigDecimal.ZERO, label);
    }

    /** No tax charged because the customer or the supply is exempt; {@code label} says why. */
    public void exempt(Charge charge, String label) {
        rate(charge, BigDecimal.ZERO, label);
    }

    Tax of(int lineNo) {
        return taxByLine.get(lineNo);
    }
}
