package org.ratebook.engine.audit;

import java.util.List;

/**
 * One page of an account's timeline, oldest first. {@code next} is the cursor for the following page (the last
 * entry's position in the event store), null on the last page; {@code total} counts every entry the filter keeps.
 */
public record TimelinePage(List<AuditEvent> entries, Long next, int total) {
}
