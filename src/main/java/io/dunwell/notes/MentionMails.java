package io.dunwell.notes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.notification.StaffMail;

/**
 * Tells a mentioned agent by mail, once per note and agent: queued with the note, sent right after
 * it committed, and retried by the outbox when the SMTP server refused it.
 */
@Service
class MentionMails {

    static final String TEMPLATE = "note-mention";

    private final Accounts accounts;
    private final Receivables receivables;
    private final StaffMail mail;

    MentionMails(Accounts accounts, Receivables receivables, StaffMail mail) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.mail = mail;
    }

    /** In the note's transaction; an agent without an address is kept as a mail that failed. */
    void queue(Note note, User agent) {
        String address = agent.getEmail() == null || agent.getEmail().isBlank() ? null : agent.getEmail();
        mail.queue(address, TEMPLATE, model(note, agent.getId()), keyOf(note.getId(), agent.getId()));
    }

    /** The key of the mail to this agent about this note: its Message-ID derives from it. */
    static String keyOf(Long noteId, String agentId) {
        return "note:" + noteId + ":mention:" + agentId;
    }

    private Map<String, Object> model(Note note, String agentId) {
        Account account = accounts.get(note.getAccountId());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agent", agentId);
        model.put("author", note.getAuthor());
        model.put("customerName", account.getName());
        model.put("customerNumber", account.getExternalId());
        model.put("invoiceNumber", note.getInvoiceId() == null ? "" : receivables.invoicesOf(account.getId()).stream()
                .filter(invoice -> invoice.getId().equals(note.getInvoiceId())).map(Invoice::getNumber).findFirst().orElse(""));
        model.put("body", note.getBody());
        return model;
    }
}
