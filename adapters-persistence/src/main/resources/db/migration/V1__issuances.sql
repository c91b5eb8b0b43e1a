-- Issuances and their attempts at Credenco. Runs unchanged on H2 (embedded default) and PostgreSQL.
create table issuance (
    id                      uuid                     primary key,
    version                 bigint                   not null,
    status                  varchar(20)              not null,
    big_number              varchar(11)              not null,
    first_name              varchar(100)             not null,
    last_name               varchar(100)             not null,
    profession              varchar(40)              not null,
    specialism              varchar(100),
    registration_date       date                     not null,
    valid_until             date                     not null,
    requested_by            varchar(100)             not null,
    offer_uri               varchar(4000),
    offer_qr_code           varchar(200000),
    offer_status_uri        varchar(4000),
    offer_expires_at        timestamp with time zone,
    failure_code            varchar(100),
    failure_message         varchar(500),
    revocation_id           varchar(100),
    revocation_reason       varchar(500),
    revocation_requested_at timestamp with time zone,
    revocation_confirmed_at timestamp with time zone,
    last_report_at          timestamp with time zone,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null
);

create index issuance_by_big_number on issuance (big_number, created_at, id);
create index issuance_by_status on issuance (status, offer_expires_at);

create table issuance_attempt (
    correlation_id      varchar(100)             primary key,
    issuance_id         uuid                     not null references issuance (id),
    attempt_number      integer                  not null,
    callback_token_hash varchar(64)              not null,
    started_at          timestamp with time zone not null,
    constraint attempt_number_unique unique (issuance_id, attempt_number),
    constraint attempt_token_unique unique (callback_token_hash)
);
