-- The console's accounts list filtered by collection status reads only that status's accounts.
-- (The assigned agent is indexed since V1; a page sorted by name, balance or age is a bounded
-- top-N sort over the account-summary join, which needs no index.)
create index ix_account_status on account (collection_status);
