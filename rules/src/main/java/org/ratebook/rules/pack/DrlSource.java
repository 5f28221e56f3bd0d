package org.ratebook.rules.pack;

import java.util.Objects;

/** One DRL file of a pack. */
public record DrlSource(RuleCategory category, String name, String text) {
    public DrlSource {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
