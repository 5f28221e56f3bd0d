package org.ratebook.features;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** What the data tables of the feature files expect, read from their rows (see {@link ParameterTypes}). */
final class Expectations {

    private Expectations() {
    }

    /** One expected invoice line; a column left out of the table is not checked. */
    record Line(String description, LocalDate from, LocalDate to, Integer quantity, Money unitPrice, Money amount,
                Money tax) {

        static final Set<String> COLUMNS = Set.of("description", "from", "to", "quantity", "unit price", "amount",
                "tax");

        static Line of(Map<String, String> row) {
            checkColumns(row, COLUMNS, "invoice line");
            return new Line(required(row, "description"),
                    optional(row, "from") == null ? null : BusinessDates.parse(row.get("from")),
                    optional(row, "to") == null ? null : BusinessDates.parse(row.get("to")),
                    optional(row, "quantity") == null ? null : Integer.valueOf(row.get("quantity").strip()),
                    optional(row, "unit price") == null ? null : Money.parse(row.get("unit price")),
                    Money.parse(required(row, "amount")),
                    optional(row, "tax") == null ? null : Money.parse(row.get("tax")));
        }
    }

    /** One expected entry of a seller's invoice list. */
    record Invoice(String number, String customer, LocalDate date, Money total) {

        static final Set<String> COLUMNS = Set.of("number", "customer", "date", "total");

        static Invoice of(Map<String, String> row) {
            checkColumns(row, COLUMNS, "invoice");
            return new Invoice(required(row, "number"), required(row, "customer"),
                    BusinessDates.parse(required(row, "date")), Money.parse(required(row, "total")));
        }
    }

    /** One expected subscription of a customer. */
    record Subscription(String plan, int seats, LocalDate starting) {

        static final Set<String> COLUMNS = Set.of("plan", "seats", "starting");

        static Subscription of(Map<String, String> row) {
            checkColumns(row, COLUMNS, "subscription");
            return new Subscription(required(row, "plan"), Integer.parseInt(required(row, "seats").strip()),
                    BusinessDates.parse(required(row, "starting")));
        }
    }

    private static void checkColumns(Map<String, String> row, Set<String> known, String what) {
        for (String column : row.keySet()) {
            if (!known.contains(column)) {
                throw new IllegalArgumentException("unknown column '" + column + "' in a table of " + what
                        + "s; known columns: " + known);
            }
        }
    }

    private static String required(Map<String, String> row, String column) {
        String value = optional(row, column);
        if (value == null) {
            throw new IllegalArgumentException("the table needs a value in column '" + column + "'");
        }
        return value.strip();
    }

    private static String optional(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value;
    }
}
