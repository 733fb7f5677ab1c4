-- The accounts list's base condition ("not in good standing, or overdue by more than N days with more
-- than X open") and its commonest filters (mine, unassigned, by agent, by status) read the collection
-- status and agent next to the balance and the oldest due date. Kept on the summary too (the account
-- module announces every change, the invoice module copies it in the same transaction), the list counts
-- and pages one narrow table instead of joining 100,000 accounts to their summaries on every request.
alter table receivables_summary add column collection_status varchar(40) default 'GOOD_STANDING' not null;
alter table receivables_summary add column assigned_agent varchar(64);
update receivables_summary s set collection_status = (select a.collection_status from account a where a.id = s.account_id),
                                 assigned_agent = (select a.assigned_agent from account a where a.id = s.account_id);
create index ix_summary_status on receivables_summary (collection_status, assigned_agent);
create index ix_summary_agent on receivables_summary (assigned_agent);
-- the time zones in use, found by a few index probes (AccountRepository.findTimeZones) instead of reading every account
create index ix_account_time_zone on account (time_zone);
