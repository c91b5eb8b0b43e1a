-- Durable work for issuances (submit, check status, revoke), claimed with FOR UPDATE SKIP LOCKED so that
-- several instances can share it. One row per issuance and kind of work.
create table issuance_work (
    issuance_id uuid                     not null references issuance (id),
    kind        varchar(20)              not null,
    due_at      timestamp with time zone not null,
    tries       integer                  not null,
    since       timestamp with time zone not null,
    constraint issuance_work_pk primary key (issuance_id, kind)
);

create index issuance_work_due on issuance_work (kind, due_at);
create index issuance_by_creation on issuance (created_at, id);
create index attempt_by_token on issuance_attempt (callback_token_hash);
