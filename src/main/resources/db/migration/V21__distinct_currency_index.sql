-- The invoices list's currency filter offers the currencies accounts bill in, found by walking this
-- index (DistinctValues) instead of reading every account on every request.
create index ix_account_currency on account (currency);
