package org.ratebook.console.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A matched fact of a decision trace as named values. The trace stores each fact as its record's text
 * ({@code SubscriptionPeriod[plan=Pro, quantity=2, from=2026-12-07, …]}); this reads it back into a title
 * ("Subscription period") and its values by name ("plan" → "Pro"), leaving out empty ones, so the "why" panel
 * shows "plan: Pro · quantity: 2" instead of Java's notation. Text that is no record stays as it is.
 */
public record Facts(String title, Map<String, String> values) {

    private static final Pattern RECORD = Pattern.compile("^([A-Z][A-Za-z0-9]*)\\[(.*)]$", Pattern.DOTALL);

    public static Facts parse(String text) {
        Matcher m = RECORD.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return new Facts(text, Map.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : splitTopLevel(m.group(2))) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = words(part.substring(0, eq).trim());
            String value = part.substring(eq + 1).trim();
            if (value.isEmpty() || value.equals("null") || value.equals("[]") || value.equals("{}")) {
                continue;
            }
            Matcher nested = RECORD.matcher(value);
            values.put(name, nested.matches() ? words(nested.group(1)) : value);
        }
        return new Facts(words(m.group(1)), values);
    }

    /** "subscription period: plan Pro · quantity 2" */
    public String sentence() {
        if (values.isEmpty()) {
            return title;
        }
        StringBuilder s = new StringBuilder(title).append(": ");
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " " + v));
        return s.append(String.join(" · ", parts)).toString();
    }

    /** "SubscriptionPeriod" → "Subscription period", "periodFrom" → "period from". */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.isUpperCase(camel.charAt(0))
                ? Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1) : spaced;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        if (start < body.length()) {
            parts.add(body.substring(start));
        }
        return parts;
    }
}
