-- The accounts list's sort orders, so a page reads about its 50 rows (and the summaries or accounts
-- they join) in index order instead of joining and sorting every account in collections. PostgreSQL
-- only: H2 has no expression indexes, and its demo-sized lists need none.
create index ix_account_lower_name on account (lower(name));
create index ix_summary_balance on receivables_summary ((open_invoice_total - unapplied_credit));
-- "fewest days past due first" is the latest oldest-due date first, accounts with nothing due last
create index ix_summary_oldest_due_desc on receivables_summary (oldest_unpaid_due_date desc nulls last);
-- the critical invoices' search by number prefix: LIKE 'x%' uses a b-tree only under the C collation or with pattern ops
create index ix_invoice_number_pattern on invoice (number varchar_pattern_ops);
