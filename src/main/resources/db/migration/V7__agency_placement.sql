-- A dunning case handed to a collection agency: the record of the hand-over and the file sent with it.
-- At most one per case, so a retried placement job finds the first placement instead of writing a second.
create sequence agency_placement_seq start with 1 increment by 50;

create table agency_placement (
    id              bigint primary key,
    account_id      bigint        not null references account (id),
    dunning_case_id bigint        not null references dunning_case (id),
    agency_name     varchar(200)  not null,
    amount          numeric(19, 4) not null,
    currency        varchar(3)    not null,
    placed_at       timestamp with time zone not null,
    placed_by       varchar(64)   not null,
    file_name       varchar(255)  not null,
    file_content    text          not null,
    constraint uk_agency_placement_case unique (dunning_case_id)
);
create index ix_agency_placement_account on agency_placement (account_id, placed_at);
