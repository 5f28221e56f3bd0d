package org.ratebook.console.api.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The limits every API input is held to, in one place so the problems, the docs and the tests quote the same
 * numbers.
 */
public final class InputLimits {

    /** A JSON request body. */
    public static final long MAX_JSON_BODY_BYTES = 1024 * 1024;
    /** A usage batch (10,000 events) or an uploaded pack zip or pack file. */
    public static final long MAX_LARGE_BODY_BYTES = 16L * 1024 * 1024;
    /** Any text field in a JSON body (names, tax ids, descriptions, reasons, references). */
    public static final int MAX_TEXT_LENGTH = 1000;
    /** The earliest and latest date the API accepts: billing happens in this century and the next. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    public static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LATEST_INSTANT = LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** Amounts and quantities: digits before and after the decimal point (trailing zeros aside). */
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 12;
    /** How far one test-clock advance may move a sandbox (every month on the way is billed). */
    public static final int MAX_CLOCK_ADVANCE_YEARS = 5;

    private InputLimits() {
    }

    /** Refuses text with NUL or beyond {@link #MAX_TEXT_LENGTH}; {@code what} names the field. */
    public static String text(String what, String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new InputLimitException(what + " contains a NUL character (U+0000), which text may not contain");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InputLimitException(what + " is " + value.length() + " characters long; the limit is "
                    + MAX_TEXT_LENGTH);
        }
        return value;
    }

    public static BigDecimal decimal(String what, BigDecimal value) {
        if (value == null) {
            return null;
        }
        // compare the scale first: stripTrailingZeros on 1E-999999999 would be costly
        if (value.scale() > 1000 || value.scale() < -1000) {
            throw decimalLimit(what);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw decimalLimit(what);
        }
        return value;
    }

    private static InputLimitException decimalLimit(String what) {
        return new InputLimitException(what + " has more than " + MAX_INTEGER_DIGITS + " digits before or "
                + MAX_FRACTION_DIGITS + " after the decimal point");
    }

    public static LocalDate date(String what, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE))) {
            throw new InputLimitException(what + " " + value + " is outside the dates Ratebook accepts ("
                    + EARLIEST_DATE + " to " + LATEST_DATE + ")");
        }
        return value;
    }

    public static Instant instant(String what, Instant value) {
        if (value != null && (value.isBefore(EARLIEST_INSTANT) || !value.isBefore(LATEST_INSTANT))) {
            throw new InputLimitException(what + " " + value + " is outside the times Ratebook accepts ("
                    + EARLIEST_DATE + " to " + LATEST_DATE + ")");
        }
        return value;
    }
}
