package org.ratebook.engine.usage;

import java.util.regex.Pattern;

/**
 * A named usage measure of a tenant ({@code server_hours}, {@code api_calls}); {@code correctable} meters
 * accept negative quantities, which correct earlier usage. A {@link Aggregation#UNIQUE_COUNT} meter counts the
 * distinct values of event property {@code property}; a {@link Aggregation#TIME_WEIGHTED} meter weighs its
 * level {@code per} hour, day or period, and always accepts negative quantities (a device removed).
 */
public record Meter(String code, String unit, Aggregation aggregation, boolean correctable, String property,
                    Weighting per) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,62}");

    public Meter {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a meter code is lower-case letters, digits and _, starting with a "
                    + "letter, at most 63 characters: " + code);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("meter " + code + " needs a unit (e.g. hour, GB, call)");
        }
        if (aggregation == null) {
            throw new IllegalArgumentException("meter " + code + " needs an aggregation");
        }
        property = property == null || property.isBlank() ? null : property.strip();
        if ((aggregation == Aggregation.UNIQUE_COUNT) != (property != null)) {
            throw new IllegalArgumentException("meter " + code + ": a unique count names the event property whose "
                    + "distinct values it counts (e.g. device_id), and only a unique count has one");
        }
        if (property != null && !PROPERTY.matcher(property).matches()) {
            throw new IllegalArgumentException("meter " + code + ": property '" + property + "' must be letters, "
                    + "digits, _, . or -");
        }
        if ((aggregation == Aggregation.TIME_WEIGHTED) != (per != null)) {
            throw new IllegalArgumentException("meter " + code + ": a time-weighted meter says what its level is "
                    + "weighted per (HOUR, DAY or PERIOD), and only a time-weighted meter does");
        }
        if (aggregation == Aggregation.TIME_WEIGHTED) {
            correctable = true; // its events raise and lower a level
        }
    }

    public Meter(String code, String unit, Aggregation aggregation, boolean correctable) {
        this(code, unit, aggregation, correctable, null, null);
    }
}
