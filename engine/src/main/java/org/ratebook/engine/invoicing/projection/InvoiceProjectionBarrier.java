package org.ratebook.engine.invoicing.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ratebook.engine.infra.AxonConfiguration;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read-your-writes for the invoice read model. The billing run decides from what was invoiced before (billed
 * items, credit balance, invoice count), and that read model is filled asynchronously; a run that started
 * before the last invoice became visible could repair or consume credit twice. So a run first waits until
 * the projection has handled every event stored before the run began.
 * <p>
 * It watches the segments this node processes; with several nodes, segments claimed elsewhere are not seen
 * (the deterministic invoice ids still stop a double invoice, not a double use of credit).
 */
@Component
public class InvoiceProjectionBarrier {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public InvoiceProjectionBarrier(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Waits until the invoice projection has caught up with the event store as it is now. */
    public void awaitCaughtUp(Duration timeout) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(AxonConfiguration.INVOICES, StreamingEventProcessor.class);
        TrackingToken head = eventStore.createHeadToken();
        if (processor.isEmpty() || head == null || head.position().isEmpty() || !processor.get().isRunning()) {
            return;
        }
        long target = head.position().getAsLong();
        if (target < 0) {
            return; // nothing stored yet
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (behind(processor.get().processingStatus(), target)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the invoice read model has not caught up with event " + target
                        + " within " + timeout + "; nothing was billed, run again");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the invoice read model", e);
            }
        }
    }

    private static boolean behind(Map<Integer, EventTrackerStatus> segments, long target) {
        if (segments.isEmpty()) {
            return true; // not started yet, or its segments are being claimed
        }
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState()) {
                throw new IllegalStateException("the invoice read model is failing: " + status.getError());
            }
            OptionalLong position = status.getCurrentPosition();
            if (position.isEmpty() || position.getAsLong() < target) {
                return true;
            }
        }
        return false;
    }
}
