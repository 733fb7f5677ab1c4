package io.dunwell.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.notes.NewAttachment;
import io.dunwell.notes.NoteAttachment;
import io.dunwell.notes.NoteThread;
import io.dunwell.notes.Notes;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.Download;
import io.dunwell.system.NotFoundException;

/**
 * The notes thread as an htmx fragment, for the account and the invoice pages to load, and the
 * form in it that adds a note or a reply and answers with the thread again. There is no way to
 * change or delete a note.
 */
@Controller
class NotesController {

    private final Notes notes;

    NotesController(Notes notes) {
        this.notes = notes;
    }

    @GetMapping("/accounts/{externalId}/notes")
    String accountNotes(@PathVariable String externalId, Model model) {
        return thread(thread(() -> notes.ofAccount(externalId)), "/accounts/" + externalId + "/notes", model);
    }

    @GetMapping("/invoices/{externalId}/notes")
    String invoiceNotes(@PathVariable String externalId, Model model) {
        return thread(thread(() -> notes.ofInvoice(externalId)), "/invoices/" + externalId + "/notes", model);
    }

    @PostMapping("/accounts/{externalId}/notes")
    String addToAccount(@PathVariable String externalId, @RequestParam(required = false) String body,
                        @RequestParam(required = false) Long parentId,
                        @RequestParam(name = "files", required = false) List<MultipartFile> files,
                        Authentication user, Model model) {
        return add(thread(() -> notes.ofAccount(externalId)), "/accounts/" + externalId + "/notes", body, parentId, files,
                user, model);
    }

    @PostMapping("/invoices/{externalId}/notes")
    String addToInvoice(@PathVariable String externalId, @RequestParam(required = false) String body,
                        @RequestParam(required = false) Long parentId,
                        @RequestParam(name = "files", required = false) List<MultipartFile> files,
                        Authentication user, Model model) {
        return add(thread(() -> notes.ofInvoice(externalId)), "/invoices/" + externalId + "/notes", body, parentId, files,
                user, model);
    }

    /** The file as it was attached, always as a download: the browser never renders it inside the console. */
    @GetMapping("/notes/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable Long id) {
        NoteAttachment file = notes.attachment(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No attachment " + id));
        return Download.of(file.getName(), mediaTypeOf(file.getContentType()), file.getContent());
    }

    private String add(NoteThread thread, String postUrl, String body, Long parentId, List<MultipartFile> files,
                       Authentication user, Model model) {
        try {
            notes.add(thread, user.getName(), body, parentId, attachmentsOf(files));
        } catch (BadRequestException invalid) {
            // the form comes back with what was typed and why it was refused; nothing was written
            model.addAttribute("errors", invalid.errors().stream().map(BadRequestException.FieldError::message).toList());
            model.addAttribute("draft", body == null ? "" : body);
            model.addAttribute("draftParentId", parentId == null ? "" : parentId.toString());
        }
        return thread(thread, postUrl, model);
    }

    private String thread(NoteThread thread, String postUrl, Model model) {
        model.addAttribute("thread", thread);
        model.addAttribute("postUrl", postUrl);
        model.addAttribute("notes", notes.read(thread));
        return "notes/thread";
    }

    private static NoteThread thread(Supplier<NoteThread> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }

    private static List<NewAttachment> attachmentsOf(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                // a form whose file field was left empty sends a part without a name
                .filter(file -> file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
                .map(file -> new NewAttachment(file.getOriginalFilename(), file.getContentType(), file.getSize(), file))
                .toList();
    }

    private static MediaType mediaTypeOf(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unknown) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
