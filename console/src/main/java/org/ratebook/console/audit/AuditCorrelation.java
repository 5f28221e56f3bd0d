package org.ratebook.console.audit;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who caused a command, and from where, travels onto every event the command applies, so an account's timeline
 * names the person behind each event. Axon copies the named metadata keys from the message being handled to the
 * messages it produces; defining these beans replaces Axon's default, so the origin provider is kept too.
 */
@Configuration(proxyBeanMethods = false)
class AuditCorrelation {

    @Bean
    CorrelationDataProvider auditActorOnEvents() {
        return new SimpleCorrelationDataProvider(CommandAuditing.ACTOR, CommandAuditing.ACTOR_KIND,
                CommandAuditing.CLIENT);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
