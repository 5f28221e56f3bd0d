package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of a rule pack's usage charge table ({@code catalog/usage_charges.csv}): how the usage of
 * {@code meter} on {@code plan} is priced in {@code currency}. Optional columns are null when blank.
 *
 * @param charge            the row's id, which its tiers refer to (e.g. {@code api-calls-pro})
 * @param name              what the invoice line calls it ("API calls")
 * @param unitPrice         price per unit (PER_UNIT) or per package (PACKAGE)
 * @param packageSize       units per package (PACKAGE)
 * @param freeUnits         units (or, for percentages, amount) free in every period, taken off first
 * @param freeEvents        transactions free in every period, the earliest first (PERCENTAGE)
 * @param percentage        percent of the amount (PERCENTAGE)
 * @param transactionFee    fixed fee per transaction (PERCENTAGE)
 * @param transactionMin    least one transaction costs (PERCENTAGE)
 * @param transactionMax    most one transaction costs (PERCENTAGE)
 * @param commitment        minimum per period: a shortfall is charged as a true-up line
 * @param markup            percent added to a passed-through cost (PASS_THROUGH)
 */
public record UsageCharge(String charge, String name, String plan, String meter, String currency, ChargeModel model,
                          BigDecimal unitPrice, BigDecimal packageSize, BigDecimal freeUnits, long freeEvents,
                          BigDecimal percentage, BigDecimal transactionFee, BigDecimal transactionMin,
                          BigDecimal transactionMax, BigDecimal commitment, BigDecimal markup) {

    public UsageCharge {
        require(charge != null && !charge.isBlank(), "a usage charge needs an id (column 'charge')");
        name = name == null || name.isBlank() ? charge : name.strip();
        require(plan != null && !plan.isBlank(), "usage charge " + charge + " needs a plan");
        require(meter != null && !meter.isBlank(), "usage charge " + charge + " needs a meter");
        require(currency != null && currency.length() == 3, "usage charge " + charge + " needs a currency code");
        currency = currency.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(model, "usage charge " + charge + " needs a model");
        require(freeEvents >= 0, "usage charge " + charge + ": free events cannot be negative");
        nonNegative(charge, "unit price", unitPrice);
        nonNegative(charge, "free units", freeUnits);
        nonNegative(charge, "percentage", percentage);
        nonNegative(charge, "transaction fee", transactionFee);
        nonNegative(charge, "transaction min", transactionMin);
        nonNegative(charge, "transaction max", transactionMax);
        nonNegative(charge, "commitment", commitment);
        nonNegative(charge, "markup", markup);
        switch (model) {
            case PER_UNIT -> require(unitPrice != null, "usage charge " + charge + " (per unit) needs a unit price");
            case PACKAGE -> require(unitPrice != null && packageSize != null && packageSize.signum() > 0,
                    "usage charge " + charge + " (package) needs a unit price per package and a package size above 0");
            case PERCENTAGE -> require(percentage != null, "usage charge " + charge + " (percentage) needs a percentage");
            case PASS_THROUGH -> require(markup != null, "usage charge " + charge + " (pass-through) needs a markup "
                    + "in percent (0 for none)");
            default -> require(unitPrice == null && packageSize == null, "usage charge " + charge + " ("
                    + model.name().toLowerCase(Locale.ROOT) + ") takes its prices from its tiers, not from the "
                    + "unit price or package size columns");
        }
        boolean perTransaction = transactionFee != null || transactionMin != null || transactionMax != null
                || freeEvents > 0;
        require(!perTransaction || model == ChargeModel.PERCENTAGE, "usage charge " + charge
                + ": transaction fee, min, max and free events apply to percentage charges only");
        require(transactionMin == null || transactionMax == null || transactionMin.compareTo(transactionMax) <= 0,
                "usage charge " + charge + ": transaction min is above transaction max");
    }

    /**
     * Whether pricing needs each transaction's amount in order, not only their sum and count: for a minimum or
     * maximum per transaction, free events, and free units with a fee per transaction (a transaction wholly
     * inside the free units pays no fee).
     */
    public boolean perTransaction() {
        return model == ChargeModel.PERCENTAGE && (transactionMin != null || transactionMax != null || freeEvents > 0
                || (transactionFee != null && freeUnits != null && freeUnits.signum() > 0));
    }

    private static void nonNegative(String charge, String what, BigDecimal value) {
        require(value == null || value.signum() >= 0, "usage charge " + charge + ": " + what + " cannot be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
