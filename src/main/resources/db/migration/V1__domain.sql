-- Dunwell's own tables. Camunda creates and upgrades its ACT_* tables itself.
-- Portable SQL: the same migration runs on H2 (demo) and PostgreSQL (production).

create sequence account_seq start with 1 increment by 50;
create sequence invoice_seq start with 1 increment by 50;
create sequence credit_note_seq start with 1 increment by 50;
create sequence payment_seq start with 1 increment by 50;
create sequence allocation_seq start with 1 increment by 50;
create sequence timeline_entry_seq start with 1 increment by 50;

create table account (
    id                   bigint primary key,
    external_id          varchar(100) not null,
    name                 varchar(200) not null,
    email                varchar(320),
    phone                varchar(50),
    locale               varchar(35)  not null,
    time_zone            varchar(64)  not null,
    currency             char(3)      not null,
    segment              varchar(50),
    collection_status    varchar(40)  not null,
    collection_stage     varchar(40)  not null,
    frozen               boolean      not null,
    frozen_reason        varchar(500),
    assigned_agent       varchar(64),
    dunning_exempt       boolean      not null,
    dunning_paused_until date,
    version              bigint       not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint uk_account_external_id unique (external_id)
);
create index ix_account_agent on account (assigned_agent);

create table account_flag (
    account_id bigint      not null references account (id),
    flag       varchar(50) not null,
    primary key (account_id, flag)
);

-- The per-account receivables summary, kept in the same transaction as every invoice,
-- payment and credit note change; one row per account, also the per-account write lock.
create table receivables_summary (
    account_id             bigint primary key references account (id),
    currency               char(3)        not null,
    open_invoice_total     numeric(19, 4) not null,
    unapplied_credit       numeric(19, 4) not null,
    open_invoice_count     integer        not null,
    oldest_unpaid_due_date date,
    updated_at             timestamp with time zone not null
);
create index ix_summary_oldest_due on receivables_summary (oldest_unpaid_due_date);

create table invoice (
    id          bigint primary key,
    external_id varchar(100)   not null,
    account_id  bigint         not null references account (id),
    number      varchar(100)   not null,
    issue_date  date           not null,
    due_date    date           not null,
    currency    char(3)        not null,
    amount      numeric(19, 4) not null,
    balance     numeric(19, 4) not null,
    status      varchar(20)    not null,
    version     bigint         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint uk_invoice_external_id unique (external_id),
    constraint ck_invoice_balance check (balance >= 0 and balance <= amount),
    constraint ck_invoice_dates check (due_date >= issue_date)
);
create index ix_invoice_account_due on invoice (account_id, due_date);

create table credit_note (
    id               bigint primary key,
    external_id      varchar(100)   not null,
    account_id       bigint         not null references account (id),
    amount           numeric(19, 4) not null,
    currency         char(3)        not null,
    issued_at        timestamp with time zone not null,
    reason           varchar(500),
    unapplied_amount numeric(19, 4) not null,
    fingerprint      varchar(64)    not null,
    created_at       timestamp with time zone not null,
    constraint uk_credit_note_external_id unique (external_id),
    constraint ck_credit_note_amount check (amount > 0 and unapplied_amount >= 0)
);
create index ix_credit_note_account on credit_note (account_id);

create table payment (
    id               bigint primary key,
    external_id      varchar(100)   not null,
    account_id       bigint         not null references account (id),
    amount           numeric(19, 4) not null,
    currency         char(3)        not null,
    received_at      timestamp with time zone not null,
    reference        varchar(200),
    unapplied_amount numeric(19, 4) not null,
    fingerprint      varchar(64)    not null,
    created_at       timestamp with time zone not null,
    constraint uk_payment_external_id unique (external_id),
    constraint ck_payment_amount check (amount > 0 and unapplied_amount >= 0)
);
create index ix_payment_account on payment (account_id);

-- How a payment or a credit note was spread over invoices.
create table allocation (
    id             bigint primary key,
    invoice_id     bigint         not null references invoice (id),
    payment_id     bigint references payment (id),
    credit_note_id bigint references credit_note (id),
    amount         numeric(19, 4) not null,
    created_at     timestamp with time zone not null,
    constraint ck_allocation_source check ((payment_id is null) <> (credit_note_id is null)),
    constraint ck_allocation_amount check (amount > 0)
);
create index ix_allocation_invoice on allocation (invoice_id);
create index ix_allocation_payment on allocation (payment_id);
create index ix_allocation_credit_note on allocation (credit_note_id);

-- Append-only: everything that happened to an account, for agents and auditors.
create table timeline_entry (
    id          bigint primary key,
    account_id  bigint        not null references account (id),
    occurred_at timestamp with time zone not null,
    type        varchar(40)   not null,
    summary     varchar(2000) not null,
    reference   varchar(200),
    actor       varchar(64)
);
create index ix_timeline_account on timeline_entry (account_id, occurred_at, id);
