package org.ratebook.engine.invoicing.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.ratebook.engine.infra.AxonConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-your-writes for the invoice read model. The billing run decides from what was invoiced before (billed
 * items, credit balance, invoice count), and that read model is filled asynchronously; a run that started
 * before the last invoice became visible could repair or consume credit twice. So a run first waits until
 * the projection has handled every invoice event stored before the run began.
 * <p>
 * With several nodes, segments are processed wherever they were claimed, so the barrier reads every segment's
 * token from the token store ({@code token_entry}), not only the statuses of this node's segments. A segment's
 * stored token only moves with the batches that segment handles (for events it ignores, the processor stores
 * its token lazily, every few seconds), so "caught up" is asked per segment: has it covered every invoice event
 * of its own share of the aggregates, up to the head the run saw? For segments this node holds, the in-memory
 * position, which runs ahead of the stored one, is used too. Cost: two indexed queries per poll; see
 * docs/benchmarks.md.
 */
@Component
public class InvoiceProjectionBarrier {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    /** The payload types the invoice projection handles: other events do not hold a run back. */
    private final String[] handledTypes;

    public InvoiceProjectionBarrier(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                    Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.handledTypes = handledTypes(InvoiceProjection.class);
    }

    /** A segment of the invoice processor, as stored: its id, and its token (null before its first claim). */
    public record StoredSegment(int segmentId, TrackingToken token) {
    }

    /** An invoice event: its aggregate (which decides its segment) and its position in the event store. */
    public record StoredEvent(String aggregateIdentifier, long globalIndex) {
    }

    /** Waits until the invoice projection has caught up with the event store as it is now. */
    public void awaitCaughtUp(Duration timeout) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(AxonConfiguration.INVOICES, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return; // no invoice projection in this application
        }
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        if (head == null) {
            return; // nothing stored yet
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<Integer, EventTrackerStatus> local = processor.get().processingStatus();
            local.values().stream().filter(EventTrackerStatus::isErrorState).findFirst().ifPresent(s -> {
                throw new IllegalStateException("the invoice read model is failing: " + s.getError());
            });
            List<StoredSegment> segments = storedSegments();
            if (segments.isEmpty() && !processor.get().isRunning()) {
                return; // no node has ever processed invoices: there is nothing to wait for
            }
            if (!segments.isEmpty() && uncovered(segments, local, head).isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                int behind = segments.isEmpty() ? -1 : uncovered(segments, local, head).size();
                throw new IllegalStateException("the invoice read model has not caught up with event " + head
                        + " within " + timeout + " (" + (behind < 0 ? "no segment claimed yet" : behind
                        + " invoice event(s) not projected yet") + "); nothing was billed, run again");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the invoice read model", e);
            }
        }
    }

    /**
     * The invoice events up to {@code head} that the segment they belong to has not covered yet, on any node.
     * Only events after the slowest segment's position are read.
     */
    public List<StoredEvent> uncovered(List<StoredSegment> segments, Map<Integer, EventTrackerStatus> local,
                                       long head) {
        int[] ids = segments.stream().mapToInt(StoredSegment::segmentId).toArray();
        Map<Segment, TrackingToken> positions = new HashMap<>();
        long from = Long.MAX_VALUE;
        for (StoredSegment stored : segments) {
            TrackingToken token = furthest(stored.token(),
                    local.containsKey(stored.segmentId()) ? local.get(stored.segmentId()).getTrackingToken() : null);
            positions.put(Segment.computeSegment(stored.segmentId(), ids), token);
            from = Math.min(from, lowestUnseen(token, token == null ? -1 : token.position().orElse(-1)));
        }
        if (from > head) {
            return List.of();
        }
        List<StoredEvent> events = jdbc.query("""
                SELECT aggregate_identifier, global_index FROM domain_event_entry
                WHERE global_index >= ? AND global_index <= ? AND payload_type = ANY (?)""",
                (rs, n) -> new StoredEvent(rs.getString(1), rs.getLong(2)), from, head, handledTypes);
        return events.stream().filter(e -> positions.entrySet().stream()
                        .filter(p -> p.getKey().matches(Objects.hashCode(e.aggregateIdentifier())))
                        .anyMatch(p -> !covers(p.getValue(), e.globalIndex())))
                .toList();
    }

    private List<StoredSegment> storedSegments() {
        return jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, n) -> new StoredSegment(rs.getInt(1), token(rs.getBytes(2), rs.getString(3))),
                AxonConfiguration.INVOICES);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                new SimpleSerializedType(type, null)));
    }

    /** Of the stored token and this node's in-memory one, the one further along. */
    private static TrackingToken furthest(TrackingToken stored, TrackingToken local) {
        if (local == null) {
            return stored;
        }
        if (stored == null) {
            return local;
        }
        long localAt = local.position().orElse(-1);
        long storedAt = stored.position().orElse(-1);
        return localAt >= storedAt ? local : stored;
    }

    /** The first position the token may not have covered: its lowest gap, or the one after its position. */
    private static long lowestUnseen(TrackingToken token, long position) {
        TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (lower == null) {
            return 0;
        }
        if (lower instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first();
        }
        return Math.min(position, lower.position().orElse(-1)) + 1;
    }

    /**
     * Whether the token has handled the event at {@code globalIndex}: at or past it, and not among its gaps.
     * ({@code TrackingToken.covers} would also ask the event's token to share the gaps below it, which a
     * rolled-back append leaves in every token for a while, though no event will ever fill them.) A token
     * being replayed counts by its lower bound.
     */
    static boolean covers(TrackingToken token, long globalIndex) {
        TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return globalIndex <= gapAware.getIndex() && !gapAware.getGaps().contains(globalIndex);
        }
        return lower != null && lower.covers(GapAwareTrackingToken.newInstance(globalIndex, List.of()));
    }

    /** The payload types of the projection's {@code @EventHandler}s, as the event store names them. */
    private static String[] handledTypes(Class<?> projection) {
        return Arrays.stream(projection.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class) && m.getParameterCount() >= 1)
                .map(Method::getParameterTypes).map(p -> p[0].getName()).distinct().toArray(String[]::new);
    }
}
