package org.ratebook.engine.invoicing.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ratebook.engine.infra.AxonConfiguration;
import org.springframework.stereotype.Component;

/** Rebuilds the invoice read model from the event store: stop the processor, reset its tokens, start it. */
@Component
public class InvoiceReplay {

    private final EventProcessingConfiguration processing;

    public InvoiceReplay(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public void replay() {
        StreamingEventProcessor processor = processing
                .eventProcessor(AxonConfiguration.INVOICES, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + AxonConfiguration.INVOICES));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
