-- What supervisors change on the console's settings page; a missing key means the default.
-- "key" and "value" are quoted: H2 reserves them.
create table console_setting (
    "key"      varchar(100) primary key,
    "value"    text         not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(64)  not null
);

-- The critical-invoice list: open invoices, oldest due first, by currency.
create index ix_invoice_status_due on invoice (status, due_date);
create index ix_invoice_number on invoice (number);
