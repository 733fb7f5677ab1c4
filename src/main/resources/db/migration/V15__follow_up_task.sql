-- Follow-up tasks: a to-do about an account (or one of its invoices) for one agent, with a
-- reminder date, a due date and optional auto-escalation. FollowUpTaskProcess runs each one;
-- this row is what the console lists and what stays once the process has ended.
create sequence follow_up_task_seq start with 1 increment by 50;

create table follow_up_task (
    id                  bigint primary key,
    account_id          bigint        not null references account (id),
    invoice_id          bigint references invoice (id),
    name                varchar(200)  not null,
    description         varchar(4000),
    -- who created it; told on the due date like the assignee
    owner               varchar(64)   not null,
    assignee            varchar(64)   not null,
    due_date            date          not null,
    reminder_date       date          not null,
    status              varchar(20)   not null,
    auto_escalate       boolean       not null,
    -- the assignee's escalation point, or the supervisors group, once the task was escalated
    escalated_to        varchar(64),
    outcome_note        varchar(4000),
    finished_by         varchar(64),
    process_instance_id varchar(64),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index ix_follow_up_task_account on follow_up_task (account_id, due_date);

-- One row per mail sent about a task (reminder, due notice) and recipient: a retried job finds it
-- and does not send again.
create table follow_up_mail (
    mail_key          varchar(200) primary key,
    follow_up_task_id bigint       not null references follow_up_task (id),
    recipient         varchar(320) not null,
    sent_at           timestamp with time zone not null
);
