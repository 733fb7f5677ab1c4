package io.dunwell.notes;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.AccountService;
import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.Receivables;
import io.dunwell.notification.StaffMail;

/**
 * Tells a mentioned agent by mail, once. Right after a note committed each of its mentions is
 * sent; one the SMTP server refused stays PENDING and a sweep retries it. Sending locks the
 * mention's row, reads its status, hands the mail over and writes SENT in one transaction of its
 * own, so a second sender (a retry, another node) waits and then finds it SENT — the same
 * reasoning as the customers' {@code MailDispatcher}.
 */
@Service
class MentionMails {

    static final String TEMPLATE = "note-mention";

    private static final Logger log = LoggerFactory.getLogger(MentionMails.class);

    private final NoteMentionRepository mentions;
    private final NoteRepository notes;
    private final AccountService accounts;
    private final Receivables receivables;
    private final StaffMail mail;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    MentionMails(NoteMentionRepository mentions, NoteRepository notes, AccountService accounts, Receivables receivables,
                 StaffMail mail, Clock clock,
                 PlatformTransactionManager transactions) {
        this.mentions = mentions;
        this.notes = notes;
        this.accounts = accounts;
        this.receivables = receivables;
        this.mail = mail;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void noteAdded(NoteAdded event) {
        mentions.findByNoteIdOrderById(event.noteId()).stream().filter(NoteMention::isPending)
                .forEach(mention -> sendOrLeavePending(mention.getId()));
    }

    /** The mentions whose mail the SMTP server refused so far. */
    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.MINUTES)
    void retryPending() {
        mentions.pending().forEach(this::sendOrLeavePending);
    }

    /** Sends the mention's mail unless it was sent; throws when the SMTP server did not take it. */
    void send(Long mentionId) {
        MailException failure = ownTransaction.execute(status -> {
            NoteMention mention = mentions.lock(mentionId)
                    .orElseThrow(() -> new IllegalStateException("No note mention " + mentionId));
            if (!mention.isPending()) {
                return null;
            }
            try {
                mail.send(mention.getRecipient(), TEMPLATE, model(mention), mention.mailKey());
            } catch (MailException refused) {
                mention.attemptFailed(refused.getMessage());
                return refused;
            }
            mention.sent(clock.instant());
            return null;
        });
        if (failure != null) {
            throw failure;
        }
    }

    private void sendOrLeavePending(Long mentionId) {
        try {
            send(mentionId);
        } catch (MailException refused) {
            log.warn("Mention mail {} not sent, retried later: {}", mentionId, refused.getMessage());
        }
    }

    private Map<String, Object> model(NoteMention mention) {
        Note note = notes.findById(mention.getNoteId()).orElseThrow();
        Account account = accounts.get(note.getAccountId());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agent", mention.getAgentId());
        model.put("author", note.getAuthor());
        model.put("customerName", account.getName());
        model.put("customerNumber", account.getExternalId());
        model.put("invoiceNumber", note.getInvoiceId() == null ? "" : receivables.invoicesOf(account.getId()).stream()
                .filter(invoice -> invoice.getId().equals(note.getInvoiceId())).map(Invoice::getNumber).findFirst().orElse(""));
        model.put("body", note.getBody());
        return model;
    }
}
