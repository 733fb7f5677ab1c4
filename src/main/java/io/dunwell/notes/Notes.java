package io.dunwell.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.NotFoundException;
import io.dunwell.timeline.Timeline;

/**
 * Notes on accounts and invoices: threads to read, and new notes and replies, each checked
 * whole before anything is written. A note's mentions get their mail, queued with the note
 * and sent once it committed ({@link MentionMails}); the account's timeline records the note.
 */
@Service
public class Notes {

    static final int MAX_BODY = 10_000;
    static final int MAX_ATTACHMENTS = 5;

    private final NoteRepository notes;
    private final NoteAttachmentRepository attachments;
    private final MentionMails mentions;
    private final Accounts accounts;
    private final Invoices invoices;
    private final Mentionable agents;
    private final Timeline timeline;
    private final Clock clock;

    Notes(NoteRepository notes, NoteAttachmentRepository attachments, MentionMails mentions, Accounts accounts,
          Invoices invoices, Mentionable agents, Timeline timeline, Clock clock) {
        this.notes = notes;
        this.attachments = attachments;
        this.mentions = mentions;
        this.accounts = accounts;
        this.invoices = invoices;
        this.agents = agents;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public NoteThread ofAccount(String externalId) {
        return new NoteThread(accounts.require(externalId).getId(), null, "account " + externalId);
    }

    @Transactional(readOnly = true)
    public NoteThread ofInvoice(String externalId) {
        Invoices.InvoiceView view = invoices.view(externalId)
                .orElseThrow(() -> new NotFoundException("No invoice with id " + externalId));
        return new NoteThread(view.invoice().getAccountId(), view.invoice().getId(), "invoice " + view.invoice().getNumber());
    }

    /** The thread's notes, oldest first, each with its replies. */
    @Transactional(readOnly = true)
    public List<NoteView> read(NoteThread thread) {
        List<Note> all = thread.invoiceId() == null
                ? notes.findByAccountIdAndInvoiceIdIsNullOrderByCreatedAtAscIdAsc(thread.accountId())
                : notes.findByInvoiceIdOrderByCreatedAtAscIdAsc(thread.invoiceId());
        Map<Long, List<AttachmentInfo>> files = all.isEmpty() ? Map.of()
                : attachments.infoOf(all.stream().map(Note::getId).toList()).stream()
                        .collect(Collectors.groupingBy(AttachmentInfo::noteId));
        Map<Long, List<NoteView>> replies = all.stream().filter(Note::isReply)
                .collect(Collectors.groupingBy(Note::getParentId,
                        Collectors.mapping(reply -> new NoteView(reply, files.getOrDefault(reply.getId(), List.of()), List.of()),
                                Collectors.toList())));
        return all.stream().filter(note -> !note.isReply())
                .map(note -> new NoteView(note, files.getOrDefault(note.getId(), List.of()), replies.getOrDefault(note.getId(), List.of())))
                .toList();
    }

    /**
     * Writes a note (a reply when {@code parentId} is set) with its attachments and mentions, or
     * nothing at all: a bad body, parent, file or mention throws {@link BadRequestException} with
     * every problem found.
     */
    @Transactional
    public Note add(NoteThread thread, String author, String body, Long parentId, List<NewAttachment> files) {
        String text = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
        List<FieldError> errors = new ArrayList<>();
        checkBody(text, errors);
        checkParent(thread, parentId, errors);
        checkFiles(files, errors);
        List<User> mentioned = mentionedAgents(text, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Note note = notes.save(new Note(thread, parentId, author, clock.instant(), text));
        files.forEach(file -> attachments.save(new NoteAttachment(note.getId(), file.name().strip(), contentTypeOf(file), bytesOf(file))));
        mentioned.forEach(agent -> mentions.queue(note, agent));
        timeline.append(thread.accountId(), "NOTE_ADDED", summary(thread, author, note, text), "note:" + note.getId());
        return note;
    }

    @Transactional(readOnly = true)
    public Optional<NoteAttachment> attachment(Long id) {
        return attachments.findById(id);
    }

    private static void checkBody(String text, List<FieldError> errors) {
        if (text.isEmpty()) {
            errors.add(new FieldError("body", "Write something"));
        } else if (text.length() > MAX_BODY) {
            errors.add(new FieldError("body", "A note holds at most " + MAX_BODY + " characters; this one has " + text.length()));
        }
    }

    private void checkParent(NoteThread thread, Long parentId, List<FieldError> errors) {
        if (parentId == null) {
            return;
        }
        Optional<Note> parent = notes.findById(parentId);
        if (parent.isEmpty() || !parent.get().belongsTo(thread)) {
            errors.add(new FieldError("parentId", "There is no note " + parentId + " on " + thread.label() + " to reply to"));
        } else if (parent.get().isReply()) {
            errors.add(new FieldError("parentId", "Reply to the note that started the conversation, not to a reply"));
        }
    }

    private static void checkFiles(List<NewAttachment> files, List<FieldError> errors) {
        if (files.size() > MAX_ATTACHMENTS) {
            errors.add(new FieldError("files", "Attach at most " + MAX_ATTACHMENTS + " files to one note"));
        }
        for (NewAttachment file : files) {
            if (file.name() == null || file.name().isBlank() || file.name().length() > 255) {
                errors.add(new FieldError("files", "Every file needs a name of at most 255 characters"));
            } else if (file.size() > NoteAttachment.MAX_BYTES) {
                errors.add(new FieldError("files", file.name() + " is larger than " + NoteAttachment.MAX_BYTES / (1024 * 1024) + " MB"));
            } else if (file.size() == 0) {
                errors.add(new FieldError("files", file.name() + " is empty"));
            }
        }
    }

    private List<User> mentionedAgents(String text, List<FieldError> errors) {
        List<User> found = new ArrayList<>();
        for (String id : Mentions.in(text)) {
            agents.active(id).ifPresentOrElse(found::add,
                    () -> errors.add(new FieldError("body", "@" + id + " is not an active agent and cannot be mentioned")));
        }
        return found;
    }

    private static String summary(NoteThread thread, String author, Note note, String text) {
        String excerpt = text.length() <= 120 ? text : text.substring(0, 119) + "…";
        return (note.isReply() ? "Reply" : "Note") + " by " + author + " on " + thread.label() + ": " + excerpt;
    }

    private static String contentTypeOf(NewAttachment file) {
        String type = file.contentType();
        return type == null || type.isBlank() || type.length() > 255 ? "application/octet-stream" : type;
    }

    private static byte[] bytesOf(NewAttachment file) {
        try (var in = file.content().getInputStream()) {
            byte[] bytes = in.readNBytes((int) NoteAttachment.MAX_BYTES + 1);
            if (bytes.length > NoteAttachment.MAX_BYTES) {
                throw new BadRequestException("files", file.name() + " is larger than " + NoteAttachment.MAX_BYTES / (1024 * 1024) + " MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Attachment " + file.name() + " cannot be read", e);
        }
    }
}
