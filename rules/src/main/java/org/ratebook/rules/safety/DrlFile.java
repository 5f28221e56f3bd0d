package org.ratebook.rules.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The DRL file being validated: its text, to place code on a line, and the violations found so far. */
final class DrlFile {

    private final String name;
    private final String text;
    private final org.ratebook.rules.pack.RuleCategory category;
    private final int[] lineStarts;
    private final Set<Violation> violations = new LinkedHashSet<>();

    DrlFile(String name, String text, org.ratebook.rules.pack.RuleCategory category) {
        this.name = name;
        this.text = text;
        this.category = category;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    /** What the file decides: its rules may only write to this category's output. */
    org.ratebook.rules.pack.RuleCategory category() {
        return category;
    }

    /**
     * The line on which {@code code} starts, found in the text from {@code searchFrom} on. The parser gives
     * code without its position (and an action block without its leading blank lines), so it is looked up;
     * {@code fallbackLine} is used when it cannot be found.
     */
    int lineOf(String code, int searchFrom, int fallbackLine) {
        int at = searchFrom < 0 ? -1 : text.indexOf(code, searchFrom);
        return at < 0 ? fallbackLine : lineAt(at);
    }

    /** Where line {@code line} (counted from 1) starts. */
    int offsetOfLine(int line) {
        return lineStarts[Math.clamp(line - 1, 0, lineStarts.length - 1)];
    }

    void reject(int line, String message) {
        violations.add(new Violation(name, Math.max(line, 1), message));
    }

    /** In line order; the same violation found twice is reported once. */
    List<Violation> violations() {
        return violations.stream().sorted(Comparator.comparingInt(Violation::line)).toList();
    }

    private int lineAt(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
