package org.ratebook.rules.time;

import java.util.Locale;

/**
 * Which day billing periods start on: a seller's policy, set in its rule pack (Kill Bill calls it billing
 * alignment; Lago offers anniversary or calendar billing). A change of plan mid-period is prorated either way.
 * <ul>
 * <li>{@link #ACCOUNT} (the default, and what Ratebook did before the setting existed): the customer's billing
 * cycle day (31 falls on the last day of shorter months), or the subscription's start day when the customer has
 * none. A period of several months starts in the month the plan's state began.</li>
 * <li>{@link #SUBSCRIPTION}: each subscription's own anniversary, its start day (and, for periods of several
 * months, its start month), even when the customer has a billing day.</li>
 * <li>{@link #CALENDAR}: calendar periods, the first one prorated: months start on the 1st, quarters on 1
 * January, April, July and October, years on 1 January; a period of N months starts on the months whose number
 * from January of year 0 is a multiple of N (so N must divide 12 or be a multiple of it); weeks start on Monday;
 * days on each day. Periods of several days or weeks have no calendar to follow and are refused.</li>
 * </ul>
 */
public enum BillingAlignment {
    ACCOUNT,
    SUBSCRIPTION,
    CALENDAR;

    public static final BillingAlignment DEFAULT = ACCOUNT;

    /** @throws IllegalArgumentException naming the allowed values */
    public static BillingAlignment parse(String text) {
        String written = text == null || text.isBlank() ? DEFAULT.name() : text.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(written);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("billing_alignment must be ACCOUNT, SUBSCRIPTION or CALENDAR, not '"
                    + text.strip() + "'");
        }
    }
}
