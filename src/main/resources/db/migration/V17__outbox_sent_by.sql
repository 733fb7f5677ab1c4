-- Who sends an outbox message: the job of the process step that queued it (PROCESS: its retries
-- and incidents belong to the process), or the outbox's own sender (OUTBOX: mail queued outside a
-- process, such as a bulk message or a basket's statements, retried until the server takes it).
alter table outbox_message add column sent_by varchar(10) default 'PROCESS' not null;
create index ix_outbox_message_sent_by on outbox_message (sent_by, status);
