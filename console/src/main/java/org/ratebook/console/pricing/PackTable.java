package org.ratebook.console.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One table of a pack folder (a {@code .csv} file) as the grid edits it: the comment lines the author wrote, the
 * header and the rows. The pack loader splits cells on commas without quoting, so a cell may hold no comma; the
 * cell checks here are the ones a person can fix in place (a number, a currency code, a date), while the whole
 * pack is still checked by the loader and the compiler when it is saved.
 */
final class PackTable {

    private static final Set<String> DECIMALS = Set.of("price", "unit_price", "package_size", "free_units",
            "percentage", "transaction_fee", "transaction_min", "transaction_max", "commitment", "markup", "from",
            "to", "flat_fee", "rate", "value", "percent", "min_overdue_balance");
    private static final Set<String> WHOLE_NUMBERS = Set.of("free_events", "min_quantity", "days_past_due",
            "min_unpaid_invoices");
    private static final Set<String> DATES = Set.of("valid_from", "valid_to", "expires_on");
    private static final Set<String> MAY_BE_BLANK_DECIMALS = Set.of("package_size", "free_units", "percentage",
            "transaction_fee", "transaction_min", "transaction_max", "commitment", "markup", "to", "flat_fee",
            "min_overdue_balance", "unit_price", "value");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    final String path;
    final List<String> comments;
    final List<String> header;
    final List<List<String>> rows;

    PackTable(String path, List<String> comments, List<String> header, List<List<String>> rows) {
        this.path = path;
        this.comments = List.copyOf(comments);
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    static boolean isTable(String path) {
        return path.endsWith(".csv");
    }

    /** Reads a table as the loader does: comment and blank lines skipped, cells split on commas and stripped. */
    static PackTable parse(String path, String text) {
        List<String> comments = new ArrayList<>();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                comments.add(line);
            } else if (stripped.isEmpty()) {
                continue;
            } else if (header == null) {
                header = Arrays.stream(stripped.split(",", -1)).map(String::strip).toList();
            } else {
                List<String> cells = new ArrayList<>(Arrays.stream(stripped.split(",", -1)).map(String::strip).toList());
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                rows.add(cells);
            }
        }
        return new PackTable(path, comments, header == null ? List.of() : header, rows);
    }

    /** The file again: header first (the loader needs it on the first line that is not a comment), then rows. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header)).append('\n');
        comments.forEach(c -> out.append(c).append('\n'));
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(String::strip).toList())).append('\n');
        }
        return out.toString();
    }

    PackTable copy() {
        List<List<String>> copied = new ArrayList<>();
        rows.forEach(r -> copied.add(new ArrayList<>(r)));
        return new PackTable(path, comments, header, copied);
    }

    List<String> emptyRow() {
        List<String> row = new ArrayList<>();
        header.forEach(h -> row.add(""));
        return row;
    }

    /** What is wrong with one cell, in words, or empty when it can be saved. */
    static Optional<String> checkCell(String column, String value, boolean firstColumn) {
        String v = value == null ? "" : value.strip();
        String c = column.toLowerCase(Locale.ROOT);
        if (v.contains(",")) {
            return Optional.of("a cell cannot contain a comma (the table is comma-separated)");
        }
        if (v.isEmpty()) {
            return firstColumn ? Optional.of(column + " must not be empty") : Optional.empty();
        }
        if (DECIMALS.contains(c)) {
            try {
                BigDecimal number = new BigDecimal(v);
                if (number.signum() < 0 && !c.equals("value")) {
                    return Optional.of(column + " cannot be negative");
                }
            } catch (NumberFormatException e) {
                return Optional.of(column + " must be a number such as 49.00 (a dot for decimals), not '" + v + "'");
            }
        } else if (WHOLE_NUMBERS.contains(c)) {
            if (!v.matches("\\d+")) {
                return Optional.of(column + " must be a whole number such as 25, not '" + v + "'");
            }
        } else if (c.equals("currency")) {
            if (!CURRENCY.matcher(v).matches()) {
                return Optional.of("currency must be a three-letter code such as EUR, not '" + v + "'");
            }
        } else if (DATES.contains(c)) {
            try {
                LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                return Optional.of(column + " must be a date written 2027-03-01, not '" + v + "'");
            }
        } else if (c.equals("billing_mode")) {
            if (!v.equals("IN_ADVANCE") && !v.equals("IN_ARREAR")) {
                return Optional.of("billing mode is IN_ADVANCE (billed at the start of a period) or IN_ARREAR "
                        + "(at its end), not '" + v + "'");
            }
        }
        return Optional.empty();
    }

    /** Every problem of a row, each naming its column; the first column says which row it is. */
    static List<String> checkRow(List<String> header, List<String> row) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = i < row.size() ? row.get(i) : "";
            boolean required = i == 0 || (DECIMALS.contains(column) && !MAY_BE_BLANK_DECIMALS.contains(column)
                    && !column.equals("from"));
            Optional<String> problem = checkCell(column, value, i == 0);
            if (problem.isEmpty() && required && (value == null || value.isBlank())) {
                problem = Optional.of(column + " must not be empty");
            }
            problem.ifPresent(problems::add);
        }
        return problems;
    }

    /** Every problem of the table, as "row n: …" (rows counted from 1 as the grid shows them). */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (String p : checkRow(header, rows.get(r))) {
                problems.add(path + " row " + (r + 1) + ": " + p);
            }
        }
        return problems;
    }
}
