package org.ratebook.console.pricing;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two versions of a pack, file by file: tables row by row (a row added, removed, or changed
 * with the cells that differ), rules line by line side by side. The line matching is java-diff-utils' Myers diff
 * (decision 022); a table row counts as "changed" when the diff pairs an old and a new row whose first cell (the
 * row's key: plan, code, country, …) is the same.
 */
final class PackDiff {

    enum Kind { ADDED, REMOVED, CHANGED, SAME }

    /** One row of a table diff; {@code changedColumns} names the cells that differ for a changed row. */
    record TableRow(Kind kind, List<String> oldCells, List<String> newCells, List<String> changedColumns) {
        String describe(List<String> header) {
            return switch (kind) {
                case ADDED -> "added: " + String.join(", ", newCells);
                case REMOVED -> "removed: " + String.join(", ", oldCells);
                case SAME -> String.join(", ", newCells);
                case CHANGED -> {
                    List<String> parts = new ArrayList<>();
                    for (String column : changedColumns) {
                        int i = header.indexOf(column);
                        parts.add(column + " " + cell(oldCells, i) + " → " + cell(newCells, i));
                    }
                    yield oldCells.getFirst() + ": " + String.join(", ", parts);
                }
            };
        }
    }

    /** One line of a side-by-side text diff. */
    record TextRow(Kind kind, Integer oldLine, String oldText, Integer newLine, String newText) {
    }

    /** A file's changes: a table's rows or a text's lines (only one of the two is filled). */
    record FileDiff(String path, List<String> header, List<TableRow> rows, List<TextRow> lines) {
        boolean changed() {
            return rows.stream().anyMatch(r -> r.kind() != Kind.SAME) || lines.stream().anyMatch(l -> l.kind() != Kind.SAME);
        }

        String summary() {
            if (!lines.isEmpty() || rows.isEmpty() && header.isEmpty()) {
                long added = lines.stream().filter(l -> l.kind() == Kind.ADDED || l.kind() == Kind.CHANGED).count();
                long removed = lines.stream().filter(l -> l.kind() == Kind.REMOVED || l.kind() == Kind.CHANGED).count();
                return path + ": " + added + " line" + (added == 1 ? "" : "s") + " added, " + removed + " removed";
            }
            List<String> parts = new ArrayList<>();
            rows.stream().filter(r -> r.kind() != Kind.SAME).limit(3).forEach(r -> parts.add(r.describe(header)));
            long more = rows.stream().filter(r -> r.kind() != Kind.SAME).count() - parts.size();
            return path + ": " + String.join("; ", parts) + (more > 0 ? " and " + more + " more" : "");
        }
    }

    private PackDiff() {
    }

    /** Every file present in either version, in path order, with its changes (unchanged files included). */
    static List<FileDiff> of(Map<String, String> older, Map<String, String> newer) {
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : new TreeSet<>(union(older, newer))) {
            String a = older.getOrDefault(path, "");
            String b = newer.getOrDefault(path, "");
            if (path.equals("pack.properties")) {
                a = withoutComments(a);
                b = withoutComments(b);
            }
            diffs.add(PackTable.isTable(path) ? table(path, a, b) : text(path, a, b));
        }
        return diffs;
    }

    /** A sentence of what changed, for the version list ("catalog/plans.csv: Pro: price 49.00 → 59.00"). */
    static String summary(Map<String, String> older, Map<String, String> newer) {
        List<String> changed = of(older, newer).stream().filter(FileDiff::changed).map(FileDiff::summary).toList();
        return changed.isEmpty() ? "no change" : String.join(" · ", changed);
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static String withoutComments(String properties) {
        return String.join("\n", properties.lines().filter(l -> !l.startsWith("#")).toList());
    }

    static FileDiff table(String path, String older, String newer) {
        PackTable a = PackTable.parse(path, older);
        PackTable b = PackTable.parse(path, newer);
        List<String> header = b.header.isEmpty() ? a.header : b.header;
        List<String> oldRows = a.rows.stream().map(r -> String.join(",", r)).toList();
        List<String> newRows = b.rows.stream().map(r -> String.join(",", r)).toList();
        List<TableRow> rows = new ArrayList<>();
        for (DiffRow row : generator().generateDiffRows(oldRows, newRows)) {
            List<String> oldCells = cells(row.getOldLine());
            List<String> newCells = cells(row.getNewLine());
            switch (row.getTag()) {
                case EQUAL -> rows.add(new TableRow(Kind.SAME, oldCells, newCells, List.of()));
                case INSERT -> rows.add(new TableRow(Kind.ADDED, List.of(), newCells, List.of()));
                case DELETE -> rows.add(new TableRow(Kind.REMOVED, oldCells, List.of(), List.of()));
                case CHANGE -> {
                    if (!oldCells.isEmpty() && !newCells.isEmpty() && oldCells.getFirst().equals(newCells.getFirst())) {
                        List<String> columns = new ArrayList<>();
                        for (int i = 0; i < header.size(); i++) {
                            if (!Objects.equals(cell(oldCells, i), cell(newCells, i))) {
                                columns.add(header.get(i));
                            }
                        }
                        rows.add(new TableRow(Kind.CHANGED, oldCells, newCells, columns));
                    } else {
                        if (!oldCells.isEmpty()) {
                            rows.add(new TableRow(Kind.REMOVED, oldCells, List.of(), List.of()));
                        }
                        if (!newCells.isEmpty()) {
                            rows.add(new TableRow(Kind.ADDED, List.of(), newCells, List.of()));
                        }
                    }
                }
            }
        }
        return new FileDiff(path, header, rows, List.of());
    }

    static FileDiff text(String path, String older, String newer) {
        List<String> a = older.isEmpty() ? List.of() : older.lines().toList();
        List<String> b = newer.isEmpty() ? List.of() : newer.lines().toList();
        List<TextRow> lines = new ArrayList<>();
        int oldNo = 0;
        int newNo = 0;
        for (DiffRow row : generator().generateDiffRows(a, b)) {
            switch (row.getTag()) {
                case EQUAL -> lines.add(new TextRow(Kind.SAME, ++oldNo, row.getOldLine(), ++newNo, row.getNewLine()));
                case INSERT -> lines.add(new TextRow(Kind.ADDED, null, "", ++newNo, row.getNewLine()));
                case DELETE -> lines.add(new TextRow(Kind.REMOVED, ++oldNo, row.getOldLine(), null, ""));
                case CHANGE -> {
                    boolean hasOld = !row.getOldLine().isEmpty() || oldNo < a.size() && a.get(oldNo).isEmpty();
                    boolean hasNew = !row.getNewLine().isEmpty() || newNo < b.size() && b.get(newNo).isEmpty();
                    lines.add(new TextRow(Kind.CHANGED, hasOld ? ++oldNo : null, row.getOldLine(),
                            hasNew ? ++newNo : null, row.getNewLine()));
                }
            }
        }
        return new FileDiff(path, List.of(), List.of(), lines);
    }

    private static DiffRowGenerator generator() {
        return DiffRowGenerator.create().showInlineDiffs(false).lineNormalizer(s -> s).mergeOriginalRevised(false)
                .reportLinesUnchanged(true).build();
    }

    private static List<String> cells(String row) {
        return row == null || row.isEmpty() ? List.of() : List.of(row.split(",", -1));
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    /** The file diffs by path, for views that show one file at a time. */
    static Map<String, FileDiff> byPath(List<FileDiff> diffs) {
        Map<String, FileDiff> map = new LinkedHashMap<>();
        diffs.forEach(d -> map.put(d.path(), d));
        return map;
    }
}
