-- Bulk email keeps to the per-minute limit (issue 5): a rate-limited outbox mail waits for its
-- minute slot, as SMS and voice do in channel_message. Null: no limit, the outbox sends it at once.
alter table outbox_message add column not_before timestamp with time zone;
create index ix_outbox_message_not_before on outbox_message (not_before);

-- A preview is confirmed at most once, whatever Idempotency-Key the confirming request carries: a
-- second confirm of the same token finds the first run (null for requests without a preview).
alter table bulk_action add column preview_token varchar(100);
alter table bulk_action add constraint uk_bulk_action_preview unique (preview_token);

-- A basket holds an account once. Baskets were always made from a de-duplicated list, so no
-- stored basket has an account twice and the constraint applies to the data as it is.
alter table basket_entry add constraint uk_basket_entry_account unique (basket_id, account_id);

-- A session can be abandoned: the basket is pending again and says who gave up its last session.
alter table basket add column abandoned_by varchar(64);
alter table basket add column abandoned_at timestamp with time zone;
