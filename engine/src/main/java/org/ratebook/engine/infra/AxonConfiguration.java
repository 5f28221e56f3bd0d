package org.ratebook.engine.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL without Axon Server. Events, tokens and sagas are serialized as JSON with Jackson 2
 * (Axon 4 does not speak Jackson 3), so stored events stay readable with plain SQL.
 * <p>
 * Accounts and subscriptions are projected by subscribing processors, in the transaction that stores the
 * event: a subscription created right after its account sees it. Invoices are projected by a pooled
 * streaming processor, which tracks its position in the token store and can be reset to replay.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    public static final String ACCOUNTS = "accounts";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String INVOICES = "invoices";
    public static final String RULE_PACKS = "rule-packs";

    /** The Jackson 2 mapper for events and read-model JSON: exact decimals, ISO dates. */
    public static ObjectMapper eventMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).build();
    }

    /** Our Flyway tables use snake_case; Axon's defaults are camelCase, which PostgreSQL would fold. */
    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").typeColumn("type").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new GenericSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry").sagaIdColumn("saga_id").revisionColumn("revision")
                .sagaTypeColumn("saga_type").serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry").associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * Axon's own transaction auto-configuration orders itself after Boot 3's class names and, on Boot 4,
     * finds no transaction manager: commands would run without a transaction. Wire it explicitly, so a
     * command, its events and the subscribing projections commit or roll back together.
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Autowired
    public void configureProcessors(EventProcessingConfigurer processing) {
        // A failing projection must fail the command (subscribing) or retry (streaming), never skip an event.
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerSubscribingEventProcessor(ACCOUNTS);
        processing.registerSubscribingEventProcessor(SUBSCRIPTIONS);
        processing.registerSubscribingEventProcessor(RULE_PACKS);
        processing.registerPooledStreamingEventProcessor(INVOICES);
    }
}
