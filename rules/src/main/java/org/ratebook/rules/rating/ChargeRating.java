package org.ratebook.rules.rating;

import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.TransactionAmounts;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The charge models' arithmetic: a usage quantity and a charge row (with its tiers) in, an exact amount and
 * its breakdown out. Pure and exact: no rounding of money happens here (that is {@code Decisions}' job, once
 * per line), only the display-only average unit price is cut to {@link #AVERAGE_SCALE} decimals.
 * <p>
 * Tier boundaries: a tier covers the units above the previous tier's end up to its own end, inclusive, so the
 * peers' "0–10 @ 10 + 2, 11–20 @ 5 + 3, 21– @ 5 + 3" bills 11 units as 10 × 10 + 2 + 1 × 5 + 3 = 110. The
 * first tier's flat fee is due even for no usage (0 units cost 2 there); a later tier's once a unit reaches it.
 */
public final class ChargeRating {

    /** Decimals of the average unit price shown on lines of models with several prices (display only). */
    public static final int AVERAGE_SCALE = 6;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ChargeRating() {
    }

    /**
     * Prices {@code quantity} (from {@code events} events) with {@code charge}.
     *
     * @param tiers        the charge's tiers (any order; other charges' tiers are ignored)
     * @param transactions the transactions' amounts, needed when {@link UsageCharge#perTransaction()}
     */
    public static Rated rate(UsageCharge charge, List<UsageTier> tiers, BigDecimal quantity, long events,
                             TransactionAmounts transactions) {
        List<UsageTier> ordered = ordered(charge, tiers);
        BigDecimal free = orZero(charge.freeUnits());
        BigDecimal billable = quantity.subtract(free).max(BigDecimal.ZERO);
        return switch (charge.model()) {
            case PER_UNIT -> perUnit(charge, billable);
            case PACKAGE -> packages(charge, billable);
            case GRADUATED -> graduated(ordered, billable, false, "graduated tiers");
            case GRADUATED_PERCENTAGE -> graduated(ordered, billable, true, "graduated percentage");
            case VOLUME -> volume(ordered, billable);
            case CAPACITY -> capacity(ordered, billable);
            case PASS_THROUGH -> passThrough(charge, billable);
            case PERCENTAGE -> charge.perTransaction()
                    ? percentagePerTransaction(charge, transactions, events)
                    : percentage(charge, billable, events);
        };
    }

    /** {@link #rate(UsageCharge, List, BigDecimal, long, TransactionAmounts)} with every amount in order. */
    public static Rated rate(UsageCharge charge, List<UsageTier> tiers, BigDecimal quantity, long events,
                             List<BigDecimal> amountsInOrder) {
        return rate(charge, tiers, quantity, events, TransactionAmounts.inOrder(amountsInOrder));
    }

    /**
     * The charge's tiers in order, checked: they follow each other without gaps or overlaps, only the last is
     * open-ended, and they fit the model. Throws {@link IllegalArgumentException} with the reason.
     */
    public static List<UsageTier> ordered(UsageCharge charge, List<UsageTier> tiers) {
        List<UsageTier> own = tiers.stream().filter(t -> t.charge().equals(charge.charge()))
                .sorted(Comparator.comparing(UsageTier::from)).toList();
        String which = "usage charge " + charge.charge() + " (" + charge.model().name().toLowerCase(Locale.ROOT) + ")";
        if (!charge.model().tiered()) {
            if (!own.isEmpty()) {
                throw new IllegalArgumentException(which + " is not tiered but has tiers");
            }
            return own;
        }
        if (own.isEmpty()) {
            throw new IllegalArgumentException(which + " needs tiers in the usage tier table");
        }
        BigDecimal previousEnd = null;
        for (int i = 0; i < own.size(); i++) {
            UsageTier tier = own.get(i);
            String at = which + ", tier " + (i + 1) + " (" + range(tier.from(), tier.to()) + ")";
            if (i == 0 && tier.from().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(at + ": the first tier starts at 0 (or 1)");
            }
            if (previousEnd != null && tier.from().compareTo(previousEnd) != 0
                    && tier.from().compareTo(previousEnd.add(BigDecimal.ONE)) != 0) {
                throw new IllegalArgumentException(at + ": starts at " + tier.from().toPlainString()
                        + " but the tier before ends at " + previousEnd.toPlainString()
                        + "; tiers must follow each other (start at the end before, or one above it)");
            }
            if (tier.to() == null && i < own.size() - 1) {
                throw new IllegalArgumentException(at + ": only the last tier may be open-ended");
            }
            if (tier.to() != null && i == own.size() - 1) {
                throw new IllegalArgumentException(at + ": the last tier must be open-ended (leave 'to' empty), "
                        + "so every quantity has a price");
            }
            switch (charge.model()) {
                case GRADUATED_PERCENTAGE -> {
                    if (tier.percentage() == null || tier.unitPrice() != null || tier.packageSize() != null) {
                        throw new IllegalArgumentException(at + ": a graduated percentage tier has a percentage "
                                + "(and maybe a flat fee), no unit price or package size");
                    }
                }
                case CAPACITY -> {
                    if (tier.flatFee() == null || tier.unitPrice() != null || tier.packageSize() != null
                            || tier.percentage() != null) {
                        throw new IllegalArgumentException(at + ": a capacity tier has only a flat fee, its price");
                    }
                }
                default -> {
                    if (tier.percentage() != null) {
                        throw new IllegalArgumentException(at + ": only graduated percentage tiers have a percentage");
                    }
                    if (tier.unitPrice() == null && tier.flatFee() == null) {
                        throw new IllegalArgumentException(at + ": needs a unit price, a flat fee or both");
                    }
                    if (tier.packageSize() != null && tier.unitPrice() == null) {
                        throw new IllegalArgumentException(at + ": a package size needs a price per package");
                    }
                }
            }
            previousEnd = tier.to();
        }
        return own;
    }

    private static Rated perUnit(UsageCharge charge, BigDecimal billable) {
        BigDecimal amount = billable.multiply(charge.unitPrice());
        return new Rated(billable, charge.unitPrice(), amount,
                List.of(new TierCharge("per unit", null, null, billable, charge.unitPrice(), null, amount)), "per unit");
    }

    private static Rated packages(UsageCharge charge, BigDecimal billable) {
        BigDecimal count = started(billable, charge.packageSize());
        BigDecimal amount = count.multiply(charge.unitPrice());
        String size = plain(charge.packageSize());
        return new Rated(billable, charge.unitPrice(), amount,
                List.of(new TierCharge(plain(count) + " packages of " + size, null, null, billable, charge.unitPrice(),
                        null, amount)),
                plain(count) + (count.compareTo(BigDecimal.ONE) == 0 ? " package of " : " packages of ") + size);
    }

    private static Rated graduated(List<UsageTier> tiers, BigDecimal billable, boolean percent, String summary) {
        List<TierCharge> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal previousEnd = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            UsageTier tier = tiers.get(i);
            if (i > 0 && billable.compareTo(previousEnd) <= 0) {
                break; // not reached: no units and no flat fee
            }
            BigDecimal room = tier.to() == null ? null : tier.to().subtract(previousEnd);
            BigDecimal units = billable.subtract(previousEnd).max(BigDecimal.ZERO);
            if (room != null) {
                units = units.min(room);
            }
            BigDecimal variable = percent ? units.multiply(tier.percentage()).divide(HUNDRED)
                    : priced(units, tier);
            BigDecimal amount = variable.add(orZero(tier.flatFee()));
            rows.add(new TierCharge(tierLabel(i, tier), tier.from(), tier.to(), units,
                    percent ? tier.percentage().divide(HUNDRED) : tier.unitPrice(), tier.flatFee(), amount));
            total = total.add(amount);
            if (tier.to() == null) {
                break;
            }
            previousEnd = tier.to();
        }
        return new Rated(billable, average(total, billable), total, rows, summary);
    }

    private static Rated volume(List<UsageTier> tiers, BigDecimal billable) {
        int index = tierOf(tiers, billable);
        UsageTier tier = tiers.get(index);
        BigDecimal amount = priced(billable, tier).add(orZero(tier.flatFee()));
        BigDecimal unitPrice = tier.unitPrice() != null && tier.packageSize() == null ? tier.unitPrice()
                : average(amount, billable);
        return new Rated(billable, unitPrice, amount, List.of(new TierCharge(tierLabel(index, tier), tier.from(),
                tier.to(), billable, tier.unitPrice(), tier.flatFee(), amount)), "volume tier " + (index + 1));
    }

    private static Rated capacity(List<UsageTier> tiers, BigDecimal billable) {
        int index = tierOf(tiers, billable);
        UsageTier tier = tiers.get(index);
        return new Rated(billable, average(tier.flatFee(), billable), tier.flatFee(),
                List.of(new TierCharge(tierLabel(index, tier), tier.from(), tier.to(), billable, null, tier.flatFee(),
                        tier.flatFee())), "capacity tier " + (index + 1));
    }

    private static Rated passThrough(UsageCharge charge, BigDecimal billable) {
        BigDecimal markup = billable.multiply(charge.markup()).divide(HUNDRED);
        BigDecimal factor = HUNDRED.add(charge.markup()).divide(HUNDRED);
        return new Rated(billable, factor, billable.add(markup), List.of(
                new TierCharge("cost", null, null, billable, BigDecimal.ONE, null, billable),
                new TierCharge("markup " + plain(charge.markup()) + " %", null, null, billable,
                        charge.markup().divide(HUNDRED), null, markup)),
                "cost + " + plain(charge.markup()) + " %");
    }

    /** A percentage of the summed amount plus a fee per event: needs no single transaction. */
    private static Rated percentage(UsageCharge charge, BigDecimal billable, long events) {
        List<TierCharge> rows = new ArrayList<>();
        BigDecimal rate = charge.percentage().divide(HUNDRED);
        BigDecimal share = billable.multiply(rate);
        rows.add(new TierCharge(plain(charge.percentage()) + " % of the amount", null, null, billable, rate, null, share));
        BigDecimal total = share;
        if (charge.transactionFee() != null) {
            BigDecimal count = BigDecimal.valueOf(Math.max(events, 0));
            BigDecimal fees = count.multiply(charge.transactionFee());
            rows.add(new TierCharge("fee per transaction", null, null, count, charge.transactionFee(), null, fees));
            total = total.add(fees);
        }
        return new Rated(billable, average(total, billable), total, rows, percentSummary(charge));
    }

    /**
     * Each transaction priced alone: the first {@code freeEvents} are free, free units are used up by the
     * earliest amounts, and what is left costs the percentage plus the fee, raised to the minimum and cut to the
     * maximum. A negative amount (a correction) gives back its percentage only. The earliest transactions are
     * taken in order; the others, grouped by amount, only once nothing free is left.
     */
    private static Rated percentagePerTransaction(UsageCharge charge, TransactionAmounts transactions, long events) {
        if (transactions.count() != events) {
            throw new IllegalArgumentException("usage charge " + charge.charge() + " prices each transaction, but "
                    + transactions.count() + " amounts were given for " + events + " events");
        }
        PerTransaction priced = new PerTransaction(charge);
        for (BigDecimal amount : transactions.earliest()) {
            priced.add(amount, 1);
        }
        if (!transactions.others().isEmpty() && (priced.freeEventsLeft > 0 || priced.freeLeft.signum() > 0)) {
            throw new IllegalArgumentException("usage charge " + charge.charge() + " has free events or units left "
                    + "after the earliest transactions; the transactions after them must be given in order too");
        }
        for (TransactionAmounts.AmountCount group : transactions.others()) {
            priced.add(group.amount(), group.count());
        }
        return priced.rated();
    }

    /** The running sums of a per-transaction percentage. */
    private static final class PerTransaction {
        private final UsageCharge charge;
        private final BigDecimal rate;
        private final BigDecimal fee;
        private BigDecimal freeLeft;
        private long freeEventsLeft;
        private long skipped;
        private BigDecimal base = BigDecimal.ZERO;
        private BigDecimal shares = BigDecimal.ZERO;
        private long charged;
        private long raised;
        private long lowered;
        private BigDecimal raise = BigDecimal.ZERO;
        private BigDecimal cut = BigDecimal.ZERO;

        PerTransaction(UsageCharge charge) {
            this.charge = charge;
            this.rate = charge.percentage().divide(HUNDRED);
            this.fee = orZero(charge.transactionFee());
            this.freeLeft = orZero(charge.freeUnits());
            this.freeEventsLeft = charge.freeEvents();
        }

        /** {@code count} transactions of {@code amount}; more than one only once nothing free is left. */
        void add(BigDecimal amount, long count) {
            if (freeEventsLeft > 0) {
                freeEventsLeft--;
                skipped++;
                return;
            }
            BigDecimal times = BigDecimal.valueOf(count);
            if (amount.signum() < 0) {
                base = base.add(amount.multiply(times));
                shares = shares.add(amount.multiply(rate).multiply(times));
                return;
            }
            BigDecimal covered = freeLeft.min(amount);
            freeLeft = freeLeft.subtract(covered);
            BigDecimal chargeable = amount.subtract(covered);
            if (chargeable.signum() == 0) {
                return; // wholly inside the free units: no fee either
            }
            base = base.add(chargeable.multiply(times));
            BigDecimal share = chargeable.multiply(rate);
            shares = shares.add(share.multiply(times));
            charged += count;
            BigDecimal price = share.add(fee);
            if (charge.transactionMin() != null && price.compareTo(charge.transactionMin()) < 0) {
                raised += count;
                raise = raise.add(charge.transactionMin().subtract(price).multiply(times));
            } else if (charge.transactionMax() != null && price.compareTo(charge.transactionMax()) > 0) {
                lowered += count;
                cut = cut.add(price.subtract(charge.transactionMax()).multiply(times));
            }
        }

        Rated rated() {
            List<TierCharge> rows = new ArrayList<>();
            if (skipped > 0) {
                rows.add(new TierCharge("free transactions", null, null, BigDecimal.valueOf(skipped), null, null,
                        BigDecimal.ZERO));
            }
            rows.add(new TierCharge(plain(charge.percentage()) + " % of the amount", null, null, base, rate, null,
                    shares));
            BigDecimal total = shares;
            if (charge.transactionFee() != null) {
                BigDecimal fees = fee.multiply(BigDecimal.valueOf(charged));
                rows.add(new TierCharge("fee per transaction", null, null, BigDecimal.valueOf(charged), fee, null,
                        fees));
                total = total.add(fees);
            }
            if (raised > 0) {
                rows.add(new TierCharge("raised to the minimum per transaction", null, null,
                        BigDecimal.valueOf(raised), charge.transactionMin(), null, raise));
                total = total.add(raise);
            }
            if (lowered > 0) {
                rows.add(new TierCharge("cut to the maximum per transaction", null, null, BigDecimal.valueOf(lowered),
                        charge.transactionMax(), null, cut.negate()));
                total = total.subtract(cut);
            }
            return new Rated(base, average(total, base), total, rows, percentSummary(charge));
        }
    }

    private static String percentSummary(UsageCharge charge) {
        // amounts as the pack writes them ("0.30"), the rate without trailing zeros
        StringBuilder s = new StringBuilder(plain(charge.percentage()) + " %");
        if (charge.transactionFee() != null) {
            s.append(" + ").append(charge.transactionFee().toPlainString()).append(" per transaction");
        }
        if (charge.transactionMin() != null) {
            s.append(", min ").append(charge.transactionMin().toPlainString());
        }
        if (charge.transactionMax() != null) {
            s.append(", max ").append(charge.transactionMax().toPlainString());
        }
        if (charge.freeEvents() > 0) {
            s.append(", first ").append(charge.freeEvents()).append(" transactions free");
        }
        return s.toString();
    }

    /** The tier the whole quantity falls in: the first whose end is at or above it. */
    private static int tierOf(List<UsageTier> tiers, BigDecimal quantity) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).to() == null || quantity.compareTo(tiers.get(i).to()) <= 0) {
                return i;
            }
        }
        throw new IllegalStateException("the last tier is open-ended; checked by ordered()");
    }

    /** Units at the tier's unit price, or every started package at its price per package. */
    private static BigDecimal priced(BigDecimal units, UsageTier tier) {
        if (tier.unitPrice() == null) {
            return BigDecimal.ZERO;
        }
        return tier.packageSize() == null ? units.multiply(tier.unitPrice())
                : started(units, tier.packageSize()).multiply(tier.unitPrice());
    }

    /** How many packages of {@code size} the units start: 121 units in packages of 10 start 13. */
    static BigDecimal started(BigDecimal units, BigDecimal size) {
        return units.signum() <= 0 ? BigDecimal.ZERO : units.divide(size, 0, RoundingMode.CEILING);
    }

    private static BigDecimal average(BigDecimal amount, BigDecimal units) {
        return units.signum() == 0 ? BigDecimal.ZERO
                : amount.divide(units, MathContext.DECIMAL128).setScale(AVERAGE_SCALE, RoundingMode.HALF_UP);
    }

    private static String tierLabel(int index, UsageTier tier) {
        return "tier " + (index + 1) + (tier.packageSize() == null ? "" : " (per " + plain(tier.packageSize()) + ")");
    }

    private static String range(BigDecimal from, BigDecimal to) {
        return plain(from) + "–" + (to == null ? "" : plain(to));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The model in words, for descriptions of lines that are not the usage line itself. */
    public static String words(ChargeModel model) {
        return model.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
