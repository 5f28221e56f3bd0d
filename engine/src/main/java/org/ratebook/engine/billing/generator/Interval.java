package org.ratebook.engine.billing.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A span of days [from, to); and the little set algebra the generator needs. */
record Interval(LocalDate from, LocalDate to) {

    boolean isEmpty() {
        return !from.isBefore(to);
    }

    Interval intersect(Interval other) {
        LocalDate f = from.isAfter(other.from) ? from : other.from;
        LocalDate t = to.isBefore(other.to) ? to : other.to;
        return new Interval(f, t.isBefore(f) ? f : t);
    }

    /** This interval minus all of {@code holes}, as sorted, disjoint, non-empty pieces. */
    List<Interval> minus(List<Interval> holes) {
        List<Interval> sorted = new ArrayList<>(holes.stream().filter(h -> !h.isEmpty()).toList());
        sorted.sort(Comparator.comparing(Interval::from));
        List<Interval> pieces = new ArrayList<>();
        LocalDate cursor = from;
        for (Interval hole : sorted) {
            if (!hole.to.isAfter(cursor) || !hole.from.isBefore(to)) {
                continue;
            }
            if (hole.from.isAfter(cursor)) {
                pieces.add(new Interval(cursor, hole.from));
            }
            if (hole.to.isAfter(cursor)) {
                cursor = hole.to;
            }
        }
        if (cursor.isBefore(to)) {
            pieces.add(new Interval(cursor, to));
        }
        return pieces;
    }
}
