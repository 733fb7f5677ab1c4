-- What Dunwell adds to a Camunda user who works accounts. A user without a row is active:
-- agents created in Camunda Admin can be assigned at once. A deactivated agent keeps their history.
create table agent_profile (
    user_id        varchar(64) primary key,
    active         boolean     not null,
    deactivated_at timestamp with time zone
);
