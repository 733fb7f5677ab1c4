-- The critical-invoices list sorted largest first, and its plot of the 500 largest, read the open
-- invoices in balance order instead of sorting all of them (PostgreSQL scans the index backwards).
create index ix_invoice_status_balance on invoice (status, balance);
