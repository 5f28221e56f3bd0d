package org.ratebook.engine.dunning;

import org.axonframework.config.EventProcessingConfigurer;
import org.ratebook.engine.dunning.projection.DunningProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The dunning processor subscribes: its tables are written in the transaction of the invoice events they
 * follow, and a payment's re-evaluation runs on the same thread right after it commits (decision record 008).
 */
@Configuration(proxyBeanMethods = false)
public class DunningConfiguration {

    @Autowired
    public void configureProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(DunningProjection.PROCESSING_GROUP);
    }
}
