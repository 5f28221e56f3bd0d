package org.ratebook.engine.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A document re-derived from the events before it and compared field by field with what was stored: identical,
 * or each difference. {@code kind} is "invoice" or "credit note".
 */
public record Rederivation(String documentId, String kind, String number, String accountId, LocalDate date,
                           Integer packVersion, boolean identical, List<Difference> differences, long eventsFolded) {

    /** One field that differs: on which item ("line 2", "total", "pack"), stored and re-derived values. */
    public record Difference(String item, String field, String stored, String rederived) {
    }
}
