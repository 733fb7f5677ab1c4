-- The outbox: every notice to a customer, written in the same transaction as the process step
-- that decided it, sent later by its own job. Rows are never deleted: this is also the record
-- of what each customer received.
create sequence outbox_message_seq start with 1 increment by 50;

create table outbox_message (
    id              bigint primary key,
    idempotency_key varchar(200)  not null,
    account_id      bigint        not null references account (id),
    template        varchar(100)  not null,
    channel         varchar(20)   not null,
    locale          varchar(35)   not null,
    recipient       varchar(320),
    subject         varchar(500)  not null,
    html_body       varchar(1000000) not null,
    text_body       varchar(1000000) not null,
    status          varchar(20)   not null,
    attempts        integer       not null,
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint uk_outbox_message_key unique (idempotency_key)
);
create index ix_outbox_message_account on outbox_message (account_id, created_at);
