-- Four-eyes money moves: a bulk write-off or fee run above the requester's limits (the
-- WriteOffApproval and FeeApproval decisions) is stored with its accounts PENDING and books
-- nothing until a member of approver_group other than the requester approves it.
-- approval_status: null (within the requester's limits, or an action that moves no money),
-- AWAITING_APPROVAL, APPROVED or REJECTED.
alter table bulk_action add column approval_status varchar(20);
alter table bulk_action add column approver_group varchar(64);
alter table bulk_action add column decided_by varchar(64);
alter table bulk_action add column decided_at timestamp with time zone;
alter table bulk_action add column decision_note varchar(2000);
create index ix_bulk_action_approval on bulk_action (approval_status);
