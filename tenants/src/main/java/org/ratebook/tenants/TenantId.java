package org.ratebook.tenants;

import java.util.regex.Pattern;

/** A tenant's identifier: lower-case letters, digits and dashes, 2–40 characters (it appears in URLs and keys). */
public record TenantId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must be 2-40 lower-case letters, digits or dashes: " + value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
