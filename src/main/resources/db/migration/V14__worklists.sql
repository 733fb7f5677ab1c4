-- Baskets: accounts an agent picked to work one by one in a collection session, in the order
-- picked. A basket is kept (DONE) after its session, with each account's outcome: what an agent
-- did in a session is part of the accounts' history.
create sequence basket_seq start with 1 increment by 50;

create table basket (
    id                          bigint primary key,
    name                        varchar(200) not null,
    owner                       varchar(64)  not null,
    created_at                  timestamp with time zone not null,
    status                      varchar(20)  not null,
    session_process_instance_id varchar(64),
    session_agent               varchar(64),
    version                     bigint       not null,
    constraint ck_basket_status check (status in ('PENDING', 'IN_SESSION', 'DONE'))
);
create index ix_basket_status on basket (status, owner);

create table basket_entry (
    basket_id      bigint  not null references basket (id),
    position       integer not null,
    account_id     bigint  not null references account (id),
    outcome        varchar(20),
    outcome_reason varchar(500),
    note           varchar(2000),
    worked_by      varchar(64),
    worked_at      timestamp with time zone,
    primary key (basket_id, position),
    constraint ck_basket_entry_outcome check (outcome is null or outcome in ('COMPLETED', 'SKIPPED'))
);
