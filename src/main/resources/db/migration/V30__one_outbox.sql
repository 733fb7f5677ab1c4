-- One outbox for every message (issue "One way in"): SMS and voice messages (channel_message),
-- mention mails (note_mention) and follow-up mails (follow_up_mail) move into outbox_message and
-- their tables go. Every row keeps its idempotency key as the code now computes it, so a message
-- that was sent stays SENT and a retry after the migration finds it instead of sending it again;
-- one that was pending stays pending and the outbox's sweep sends it.

-- A message to staff goes to no customer; an SMS has no template, locale, subject or HTML; a mail
-- from before this migration may not have kept its text.
alter table outbox_message alter column account_id drop not null;
alter table outbox_message alter column template drop not null;
alter table outbox_message alter column locale drop not null;
alter table outbox_message alter column subject drop not null;
alter table outbox_message alter column html_body drop not null;
alter table outbox_message alter column text_body drop not null;
-- who took an SMS or voice message, and its id there
alter table outbox_message add column provider varchar(40);
alter table outbox_message add column provider_id varchar(100);
-- the rate limit counts per channel
drop index ix_outbox_message_not_before;
create index ix_outbox_message_slot on outbox_message (channel, not_before);

-- SMS and voice: SENDING was only ever written inside the transaction that sent the message, so
-- a committed SENDING cannot exist; were one there, it is not known to be sent and stays pending.
alter table outbox_message add column moved_from bigint;
insert into outbox_message (id, idempotency_key, account_id, template, channel, locale, recipient, subject, html_body,
                            text_body, status, attempts, last_error, created_at, sent_at, sent_by, not_before, provider,
                            provider_id, moved_from)
select nextval('outbox_message_seq'), c.idempotency_key, c.account_id, null, c.channel, null, c.recipient, null, null,
       c.body, case when c.status = 'SENT' then 'SENT' else 'PENDING' end, case when c.status = 'SENT' then 1 else 0 end,
       null, c.created_at, c.sent_at, 'OUTBOX', c.not_before, c.provider, c.provider_id, c.id
from channel_message c;
-- a bulk run's result names the message it queued
update bulk_action_account set reference = 'outbox:' || (
    select cast(o.id as varchar(20)) from outbox_message o
    where o.moved_from is not null and 'channel-message:' || cast(o.moved_from as varchar(20)) = bulk_action_account.reference)
where reference like 'channel-message:%';
alter table outbox_message drop column moved_from;

-- Mention mails: sent by the sweep, to no customer. The mention never stored its text; the note it
-- quotes is immutable, so subject and text are note-mention.txt.ftl's, rebuilt here, for the record
-- and for a mail still pending (which then goes as plain text).
insert into outbox_message (id, idempotency_key, account_id, template, channel, locale, recipient, subject, html_body,
                            text_body, status, attempts, last_error, created_at, sent_at, sent_by, not_before)
select nextval('outbox_message_seq'), 'note:' || cast(m.note_id as varchar(20)) || ':mention:' || m.agent_id, null,
       'note-mention', 'EMAIL', 'en', m.recipient,
       n.author || ' mentioned you in a note on account ' || a.external_id, null,
       'Hello ' || m.agent_id || ',

' || n.author || ' mentioned you in a note on account ' || a.external_id || ' (' || a.name || ')'
         || coalesce(', invoice ' || i.number, '') || ':

' || n.body || '

Open the account in Dunwell to reply.
',
       m.status, m.attempts, m.last_error, n.created_at, m.sent_at, 'OUTBOX', null
from note_mention m
join note n on n.id = m.note_id
join account a on a.id = n.account_id
left join invoice i on i.id = n.invoice_id;

-- Follow-up mails: a row was written only with its mail sent, in one transaction, so each is SENT;
-- the key is follow-up:<task>:<template>:<recipient>. Their text was never stored.
insert into outbox_message (id, idempotency_key, account_id, template, channel, locale, recipient, subject, html_body,
                            text_body, status, attempts, last_error, created_at, sent_at, sent_by, not_before)
select nextval('outbox_message_seq'), f.mail_key, null,
       substring(f.mail_key, length('follow-up:' || cast(f.follow_up_task_id as varchar(20)) || ':') + 1,
                 length(f.mail_key) - length('follow-up:' || cast(f.follow_up_task_id as varchar(20)) || ':')
                 - length(':' || f.recipient)),
       'EMAIL', 'en', f.recipient, null, null, null, 'SENT', 1, null, f.sent_at, f.sent_at, 'PROCESS', null
from follow_up_mail f;

drop table channel_message;
drop sequence channel_message_seq;
drop table note_mention;
drop sequence note_mention_seq;
drop table follow_up_mail;
