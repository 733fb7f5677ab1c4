-- Promises to pay made during collection calls, and their installments. Never deleted: a kept or
-- broken promise is part of the account's history and counts towards the case's escalation.
create sequence promise_to_pay_seq start with 1 increment by 50;
create sequence installment_seq start with 1 increment by 50;

create table promise_to_pay (
    id              bigint primary key,
    account_id      bigint         not null references account (id),
    dunning_case_id bigint references dunning_case (id),
    total           numeric(19, 4) not null,
    currency        char(3)        not null,
    made_at         timestamp with time zone not null,
    made_by         varchar(64)    not null,
    note            varchar(2000),
    status          varchar(20)    not null,
    version         bigint         not null,
    constraint ck_promise_to_pay_total check (total > 0),
    constraint ck_promise_to_pay_status check (status in ('OPEN', 'KEPT', 'BROKEN'))
);
create index ix_promise_to_pay_account on promise_to_pay (account_id, made_at);
create index ix_promise_to_pay_case on promise_to_pay (dunning_case_id, status);

create table installment (
    id         bigint primary key,
    promise_id bigint         not null references promise_to_pay (id),
    number     integer        not null,
    due_date   date           not null,
    amount     numeric(19, 4) not null,
    currency   char(3)        not null,
    status     varchar(20)    not null,
    checked_at timestamp with time zone,
    version    bigint         not null,
    constraint uk_installment_promise_number unique (promise_id, number),
    constraint ck_installment_amount check (amount > 0),
    constraint ck_installment_number check (number >= 1),
    constraint ck_installment_checked check ((status = 'OPEN') = (checked_at is null)),
    constraint ck_installment_status check (status in ('OPEN', 'KEPT', 'BROKEN'))
);
