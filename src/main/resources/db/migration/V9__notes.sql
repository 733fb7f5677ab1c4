-- Notes agents write on an account or on one of its invoices, with replies, attachments and
-- @mentions. Notes and attachments are a record: V9_1 (one script per database) makes the
-- database refuse to change or delete them.
create sequence note_seq start with 1 increment by 50;
create sequence note_attachment_seq start with 1 increment by 50;
create sequence note_mention_seq start with 1 increment by 50;

create table note (
    id         bigint primary key,
    -- an invoice's note belongs to the invoice's account too, so the account's history finds it
    account_id bigint        not null references account (id),
    invoice_id bigint references invoice (id),
    parent_id  bigint references note (id),
    author     varchar(64)   not null,
    created_at timestamp with time zone not null,
    body       varchar(10000) not null
);
create index ix_note_account on note (account_id, created_at);
create index ix_note_invoice on note (invoice_id, created_at);
create index ix_note_created on note (created_at);

-- bytea: PostgreSQL's binary type and a name H2 knows for BINARY VARYING (see V6)
create table note_attachment (
    id           bigint primary key,
    note_id      bigint       not null references note (id),
    name         varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   integer      not null,
    content      bytea        not null
);
create index ix_note_attachment_note on note_attachment (note_id);

-- One mail per mentioned agent and note, written with the note and sent once after it (the outbox
-- of agent mail); the only note table whose rows change, from PENDING to SENT.
create table note_mention (
    id         bigint primary key,
    note_id    bigint       not null references note (id),
    agent_id   varchar(64)  not null,
    recipient  varchar(320),
    status     varchar(20)  not null,
    attempts   integer      not null,
    last_error varchar(2000),
    sent_at    timestamp with time zone,
    constraint uk_note_mention unique (note_id, agent_id)
);
create index ix_note_mention_status on note_mention (status);
