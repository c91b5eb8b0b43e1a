-- The audit trail: append-only, each event hashed over its content and the previous event's hash.
-- audit_head holds the end of the chain; appending locks it only for the rest of the (short) transaction.
create table audit_event (
    sequence       bigint                   primary key,
    id             uuid                     not null,
    occurred_at    timestamp with time zone not null,
    action         varchar(40)              not null,
    outcome        varchar(40)              not null,
    actor          varchar(100)             not null,
    on_behalf_of   varchar(200),
    subject        varchar(20),
    issuance_id    varchar(40),
    correlation_id varchar(100),
    source_address varchar(100),
    detail         varchar(500)             not null,
    previous_hash  varchar(64)              not null,
    hash           varchar(64)              not null,
    constraint audit_event_id_unique unique (id)
);

create index audit_by_subject on audit_event (subject, sequence);
create index audit_by_actor on audit_event (actor, sequence);
create index audit_by_action on audit_event (action, sequence);
create index audit_by_issuance on audit_event (issuance_id, sequence);
create index audit_by_time on audit_event (occurred_at);

create table audit_head (
    id            integer     primary key,
    last_sequence bigint      not null,
    last_hash     varchar(64) not null
);

insert into audit_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
