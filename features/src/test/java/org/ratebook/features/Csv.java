package org.ratebook.features;

import io.cucumber.datatable.DataTable;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A scenario's table as the CSV text of a rule-pack table: its columns in order, dates written as ISO dates. */
final class Csv {

    private Csv() {
    }

    /**
     * {@code columns} are the scenario's column names in the pack table's order (its header is the same names with
     * underscores); {@code dates} are those holding business dates such as "1 July 2020".
     */
    static String of(DataTable table, List<String> columns, List<String> dates) {
        return of(table, columns, dates, Map.of());
    }

    /** As {@link #of(DataTable, List, List)}, with some scenario columns named otherwise in the pack table. */
    static String of(DataTable table, List<String> columns, List<String> dates, Map<String, String> packNames) {
        StringBuilder csv = new StringBuilder(columns.stream()
                .map(c -> packNames.getOrDefault(c, c.replace(' ', '_')))
                .collect(Collectors.joining(","))).append('\n');
        for (Map<String, String> row : table.asMaps()) {
            for (String column : row.keySet()) {
                if (!columns.contains(column)) {
                    throw new IllegalArgumentException("unknown column '" + column + "'; the columns are " + columns);
                }
            }
            csv.append(columns.stream().map(c -> {
                String cell = row.get(c) == null ? "" : row.get(c).strip();
                return dates.contains(c) && !cell.isEmpty() ? BusinessDates.parse(cell).toString() : cell;
            }).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }
}
