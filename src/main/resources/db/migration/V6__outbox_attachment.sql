-- A PDF that goes with a notice (the statement of account on a final notice), stored with it so
-- that a retry sends the very bytes the customer was meant to get. bytea is PostgreSQL's binary
-- type and a name H2 knows for BINARY VARYING, so one script serves both; not a large object
-- (oid), whose data PostgreSQL would keep after its row is gone.
alter table outbox_message add column attachment_name varchar(200);
alter table outbox_message add column attachment bytea;
