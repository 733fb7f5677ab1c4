-- Notes and their attachments are never changed or deleted, whoever asks (PostgreSQL).
create function refuse_note_change() returns trigger language plpgsql as $$
begin
    raise exception 'Notes are immutable: % on % is refused', tg_op, tg_table_name
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger note_immutable before update or delete on note
    for each row execute function refuse_note_change();
create trigger note_truncate before truncate on note
    for each statement execute function refuse_note_change();
create trigger note_attachment_immutable before update or delete on note_attachment
    for each row execute function refuse_note_change();
create trigger note_attachment_truncate before truncate on note_attachment
    for each statement execute function refuse_note_change();
