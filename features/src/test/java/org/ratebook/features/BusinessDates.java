package org.ratebook.features;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a finance analyst writes them in a scenario: "15 January 2026". */
final class BusinessDates {

    static final String PATTERN = "\\d{1,2} (?:January|February|March|April|May|June|July|August|September"
            + "|October|November|December) \\d{4}";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private BusinessDates() {
    }

    static LocalDate parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.matches(PATTERN)) {
            throw new IllegalArgumentException("a date is written like '15 January 2026', not '" + text + "'");
        }
        return LocalDate.parse(trimmed, FORMAT);
    }

    static String format(LocalDate date) {
        return date == null ? "(none)" : FORMAT.format(date);
    }
}
