-- Money applied to an invoice the billing system later voided goes back to the account as
-- unapplied credit. The allocation stays on record, marked reversed, for the auditor.
alter table allocation add column reversed_at timestamp with time zone;
