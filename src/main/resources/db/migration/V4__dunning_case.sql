-- One dunning case per account at a time. active_account_id equals account_id while the case is
-- ACTIVE and is NULL once it ended; NULLs never collide in a unique constraint (PostgreSQL and H2),
-- so the database itself refuses a second active case for an account, whatever node or run asks.
create sequence dunning_case_seq start with 1 increment by 50;

create table dunning_case (
    id                  bigint primary key,
    account_id          bigint       not null references account (id),
    active_account_id   bigint,
    process_instance_id varchar(64),
    status              varchar(20)  not null,
    opened_at           timestamp with time zone not null,
    closed_at           timestamp with time zone,
    close_reason        varchar(500),
    version             bigint       not null,
    constraint uk_dunning_case_active_account unique (active_account_id),
    constraint ck_dunning_case_active check (
        (status = 'ACTIVE' and active_account_id is not null and active_account_id = account_id and closed_at is null)
        or (status in ('SETTLED', 'CLOSED') and active_account_id is null and closed_at is not null))
);
create index ix_dunning_case_account on dunning_case (account_id, opened_at);
