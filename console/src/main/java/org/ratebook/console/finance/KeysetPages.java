package org.ratebook.console.finance;

import org.ratebook.engine.listing.Cursor;
import org.ratebook.engine.listing.Page;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lets a Vaadin grid, which asks for rows by offset, read pages by keyset: remembers the cursor after each page
 * it fetched, and starts the next fetch from the nearest cursor before the offset asked for. Scrolling on
 * page by page costs what the first page costs; a jump skips from the nearest known page.
 */
public final class KeysetPages<R> {

    /** Reads {@code limit} rows after a cursor (null: from the start), skipping {@code skip} rows first. */
    @FunctionalInterface
    public interface Reader<R> {
        Page<R> read(Cursor after, int skip, int limit);
    }

    private final TreeMap<Integer, Cursor> cursors = new TreeMap<>();

    public List<R> fetch(int offset, int limit, Reader<R> reader) {
        Map.Entry<Integer, Cursor> from = cursors.floorEntry(offset);
        int start = from == null ? 0 : from.getKey();
        Cursor cursor = from == null ? null : from.getValue();
        Page<R> page = reader.read(cursor, offset - start, limit);
        if (page.next() != null) {
            cursors.put(offset + page.items().size(), page.next());
        }
        return page.items();
    }

    /** After a filter changed: the remembered cursors belong to another list. */
    public void reset() {
        cursors.clear();
    }
}
