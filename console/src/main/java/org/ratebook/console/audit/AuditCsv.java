package org.ratebook.console.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * The audit log as CSV (RFC 4180). A cell that a spreadsheet would run as a formula ({@code = + - @}) is
 * prefixed with an apostrophe, since actors and targets come from people.
 */
public final class AuditCsv {

    public static final String HEADER = "entry_id,occurred_at,actor,actor_kind,client_address,action,target,outcome,detail";

    private AuditCsv() {
    }

    /** Writes the header, then every entry {@code source} hands to its sink. */
    public static void write(Writer out, Consumer<Consumer<AuditEntry>> source) throws IOException {
        out.write(HEADER + "\r\n");
        try {
            source.accept(e -> {
                try {
                    out.write(String.join(",", String.valueOf(e.entryId()), e.occurredAt().toString(), cell(e.actor()),
                            cell(e.actorKind()), cell(e.clientAddress()), cell(e.action()), cell(e.target()),
                            cell(e.outcome()), cell(e.detail())) + "\r\n");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
