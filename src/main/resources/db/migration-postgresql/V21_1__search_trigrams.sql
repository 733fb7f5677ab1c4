-- The accounts list's search and the invoices list's search by customer look for a piece of a name
-- or id anywhere in it (LIKE '%piece%'), which no b-tree can answer: trigram indexes can, for pieces
-- of three characters or more. pg_trgm ships with PostgreSQL and is trusted: the database owner may
-- create it. H2 (the demo's few hundred accounts) reads every row instead.
create extension if not exists pg_trgm;
create index ix_account_search_trgm on account using gin (lower(name) gin_trgm_ops, lower(external_id) gin_trgm_ops);
