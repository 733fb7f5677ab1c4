-- Notes and their attachments are never changed or deleted, whoever asks (H2: a trigger class).
create trigger note_no_update before update on note for each row call "io.dunwell.notes.ImmutableRowTrigger";
create trigger note_no_delete before delete on note for each row call "io.dunwell.notes.ImmutableRowTrigger";
create trigger note_attachment_no_update before update on note_attachment for each row call "io.dunwell.notes.ImmutableRowTrigger";
create trigger note_attachment_no_delete before delete on note_attachment for each row call "io.dunwell.notes.ImmutableRowTrigger";
