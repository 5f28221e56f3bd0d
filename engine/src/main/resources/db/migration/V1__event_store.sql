-- Axon's JDBC event store, token store and saga store, created by Flyway instead of Axon so the schema is
-- versioned like every other table. Payloads are bytea (not oid large objects), and global_index is a
-- bigserial, so no sequence allocation leaves gaps that streaming processors would have to wait out.
-- See docs/decisions/001-jdbc-event-store.md.

CREATE TABLE domain_event_entry (
    global_index         bigserial    NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    event_identifier     varchar(255) NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         varchar(255) NOT NULL PRIMARY KEY,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

CREATE TABLE association_value_entry (
    id                bigserial    NOT NULL PRIMARY KEY,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id           varchar(255) NOT NULL,
    saga_type         varchar(255)
);
CREATE INDEX association_value_lookup ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_saga ON association_value_entry (saga_id, saga_type);
