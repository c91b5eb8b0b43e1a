-- Batches of issuances, their rejected rows, and idempotency keys of batch requests.
create table batch (
    id         uuid                     primary key,
    created_by varchar(100)             not null,
    created_at timestamp with time zone not null,
    total      integer                  not null
);

create table batch_rejection (
    batch_id  uuid          not null references batch (id),
    row_index integer       not null,
    reference varchar(100),
    field     varchar(100)  not null,
    message   varchar(500)  not null,
    position  integer       not null,
    constraint batch_rejection_pk primary key (batch_id, row_index, position)
);

create table idempotency_key (
    client_id       varchar(100)             not null,
    idempotency_key varchar(200)             not null,
    request_hash    varchar(64)              not null,
    batch_id        uuid                     not null references batch (id),
    created_at      timestamp with time zone not null,
    constraint idempotency_key_pk primary key (client_id, idempotency_key)
);

-- No foreign key to batch: the items are written before their batch row, in the same transaction.
alter table issuance add column batch_id uuid;
alter table issuance add column reference varchar(100);
create index issuance_by_batch on issuance (batch_id, status);
create unique index issuance_reference_unique on issuance (requested_by, reference);

-- Interactive work (0) is claimed before batch work (1).
alter table issuance_work add column lane smallint default 0 not null;
drop index issuance_work_due;
create index issuance_work_due on issuance_work (kind, lane, due_at);
