package org.ratebook.engine.listing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a page ends: the sort key of its last row, opaque to callers (URL-safe base64). A cursor that does not
 * decode is refused with an {@link IllegalArgumentException}, never guessed at.
 */
public record Cursor(List<String> keys) {

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor that must have {@code size} keys; null or blank: the first page. */
    public static Cursor decode(String text, int size) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            List<String> keys = List.of(plain.split("\n", -1));
            if (keys.size() != size) {
                throw new IllegalArgumentException("cursor '" + text + "' is not one this list gave out");
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + text + "' is not one this list gave out", e);
        }
    }

    public String key(int i) {
        return keys.get(i);
    }
}
