package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A priced line decided by the pricing rules. Discount and tax rules see charges as immutable facts and add
 * their own decisions about them. {@code plan} is the plan code the charge bills (null for charges of no plan);
 * {@code reference} names what a charge that belongs to no subscription bills (a one-off charge's id).
 * {@code unit} says what the quantity counts when it is not units of the plan: "hour" for an hourly price,
 * whose quantity is the hours served; null for seats and other units.
 */
public record Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                     LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                     String plan, String reference, String unit) {

    /** The unit of an hourly price's quantity. */
    public static final String HOURS = "hour";

    /** A charge whose quantity counts units of the plan (seats), with a reference or none. */
    public Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                  LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                  String plan, String reference) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, currency, plan,
                reference, null);
    }

    /** A charge of a plan, or of none. */
    public Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                  LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                  String plan) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, currency, plan,
                null);
    }

    /** A charge of no particular plan. */
    public Charge(int lineNo, String subscriptionId, String itemType, String description, LocalDate from,
                  LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
        this(lineNo, subscriptionId, itemType, description, from, to, quantity, unitPrice, amount, currency, null,
                null);
    }
}
