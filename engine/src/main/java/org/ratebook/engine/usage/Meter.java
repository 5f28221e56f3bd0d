package org.ratebook.engine.usage;

import java.util.regex.Pattern;

/**
 * A named usage measure of a tenant ({@code server_hours}, {@code api_calls}); {@code correctable} meters
 * accept negative quantities, which correct earlier usage.
 */
public record Meter(String code, String unit, Aggregation aggregation, boolean correctable) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

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
    }
}
