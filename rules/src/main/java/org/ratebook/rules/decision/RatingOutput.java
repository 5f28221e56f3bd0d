package org.ratebook.rules.decision;

import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.money.Rounding;
import org.ratebook.rules.rating.ChargeRating;
import org.ratebook.rules.rating.Rated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What usage-rating (overage) rules may decide (DRL {@code global RatingOutput rating;}): a usage period priced
 * by a usage charge of the pack, and a flag on unusual usage. Amounts are rated by {@link ChargeRating} and
 * rounded once by the pack's money policy.
 */
public final class RatingOutput {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final Ledger ledger;
    private final RuleFiring firing;
    private final Rounding money;
    private final List<UsageTier> usageTiers;
    private final List<UsageSpike> spikes = new ArrayList<>();

    RatingOutput(Ledger ledger, RuleFiring firing, Rounding money, List<UsageTier> usageTiers) {
        this.ledger = ledger;
        this.firing = firing;
        this.money = money;
        this.usageTiers = usageTiers == null ? List.of() : List.copyOf(usageTiers);
    }

    /**
     * The period's usage priced by the charge (with its tiers from the pack), rounded once: a USAGE line, and a
     * TRUE_UP line for what falls short of the charge's commitment. A period invoiced before (late or corrected
     * usage) is re-rated whole and only the difference to what was billed for it becomes an ADJUSTMENT line
     * naming the period; no difference, no line (returns null). Returns the usage or adjustment line.
     */
    public Charge usage(UsagePeriod period, UsageCharge charge) {
        if (!charge.currency().equals(period.currency()) || !charge.meter().equals(period.meter())
                || !charge.plan().equals(period.plan())) {
            throw firing.mistake("priced " + period.meter() + " usage of plan " + period.plan() + " in "
                    + period.currency() + " with usage charge " + charge.charge() + " (" + charge.meter()
                    + " of plan " + charge.plan() + " in " + charge.currency() + ")");
        }
        Rated rated;
        try {
            rated = ChargeRating.rate(charge, usageTiers, period.quantity(), period.events(), period.transactions());
        } catch (IllegalArgumentException e) {
            throw new DecisionException("rule '" + firing.rule() + "': " + e.getMessage());
        }
        String currency = charge.currency();
        BigDecimal amount = money.round(rated.amount(), currency);
        BigDecimal shortfall = charge.commitment() == null ? Rounding.zero(currency)
                : money.round(charge.commitment(), currency).subtract(amount).max(BigDecimal.ZERO);
        Ledger.UsageDetail detail = new Ledger.UsageDetail(period.meter(), period.unit(), rated.breakdown(),
                period.events());
        if (!period.rerated()) {
            Charge usage = ledger.add(new Charge(ledger.nextLineNo(), period.subscriptionId(), "USAGE",
                    charge.name() + " (" + rated.summary() + free(charge) + ")", period.from(), period.to(),
                    period.quantity(), rated.unitPrice(), amount, currency), detail);
            if (shortfall.signum() > 0) {
                ledger.add(new Charge(ledger.nextLineNo(), period.subscriptionId(), "TRUE_UP",
                        charge.name() + " commitment true-up (minimum " + charge.commitment().toPlainString() + ")",
                        period.from(), period.to(), BigDecimal.ONE, shortfall, shortfall, currency),
                        new Ledger.UsageDetail(period.meter(), period.unit(), List.of(), period.events()));
            }
            return usage;
        }
        BigDecimal difference = amount.add(shortfall).subtract(money.round(period.billedAmount(), currency));
        if (difference.signum() == 0) {
            return null;
        }
        String was = period.billedQuantity() == null ? "" : ", billed before "
                + period.billedQuantity().stripTrailingZeros().toPlainString();
        return ledger.add(new Charge(ledger.nextLineNo(), period.subscriptionId(), "ADJUSTMENT",
                "Adjustment of " + charge.name() + " for " + DAY.format(period.from()) + " to "
                        + DAY.format(lastDay(period)) + " (re-rated " + period.quantity().stripTrailingZeros()
                        .toPlainString() + " " + period.unit() + was + ")",
                period.from(), period.to(), period.quantity(), rated.unitPrice(), difference, currency), detail);
    }

    /**
     * Flags the period's usage as unusual, with a reason for whoever looks at it (the console, a webhook). The
     * invoice is not changed; a period is flagged at most once per question.
     */
    public void spike(UsagePeriod period, String reason) {
        if (spikes.stream().anyMatch(s -> s.subscriptionId().equals(period.subscriptionId())
                && s.meter().equals(period.meter()) && s.from().equals(period.from()))) {
            return;
        }
        spikes.add(new UsageSpike(period.subscriptionId(), period.meter(), period.from(), period.to(),
                period.quantity(), period.trailingAverage(), reason, firing.rule()));
    }

    List<UsageSpike> spikes() {
        return List.copyOf(spikes);
    }

    private static LocalDate lastDay(UsagePeriod period) {
        return period.to().isAfter(period.from()) ? period.to().minusDays(1) : period.to();
    }

    private static String free(UsageCharge charge) {
        return charge.freeUnits() == null || charge.freeUnits().signum() == 0 ? ""
                : ", first " + charge.freeUnits().stripTrailingZeros().toPlainString() + " free";
    }
}
