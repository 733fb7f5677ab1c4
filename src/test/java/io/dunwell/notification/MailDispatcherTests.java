package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountService;
import io.dunwell.invoice.InvoiceService;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/** Sending the outbox over real SMTP (GreenMail where spring.mail points): once, and never twice. */
@DunwellIntegrationTest
class MailDispatcherTests {

    @Autowired
    AccountService accounts;
    @Autowired
    InvoiceService invoices;
    @Autowired
    NotificationService notifications;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    Timeline timeline;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    Customers customers;
    GreenMail smtp;

    @BeforeEach
    void setUp() {
        customers = new Customers(accounts, invoices, notifications, clock, transactions);
        smtp = startSmtp();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.port(3025));
        server.start();
        return server;
    }

    private OutboxMessage queuedNotice() {
        Account account = customers.account("Mailed GmbH", "de-DE", "Europe/Berlin", "EUR");
        customers.invoice(account, "1190.00", "1190.00", 8);
        return customers.enqueue(account, "reminder-1");
    }

    private OutboxMessage reread(OutboxMessage message) {
        return notifications.find(message.getId()).orElseThrow();
    }

    @Test
    void sendDeliversOneMailWithTextAndHtmlAndMarksItSent() throws Exception {
        OutboxMessage notice = queuedNotice();

        dispatcher.send(notice.getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(notice.getSubject());
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(notice.getRecipient());
        assertThat(mail.getMessageID()).isEqualTo(MailDispatcher.messageIdOf(notice)).endsWith("@dunwell>");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("multipart/alternative", "text/plain", "text/html");
        assertThat(bodyTypes((Multipart) mail.getContent())).contains("text/plain", "text/html");

        OutboxMessage sent = reread(notice);
        assertThat(sent.getStatus()).isEqualTo(OutboxMessage.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getSentAt()).isNotNull();
        assertThat(timeline.of(notice.getAccountId())).extracting(TimelineEntry::getType)
                .containsSubsequence("NOTICE_QUEUED", "NOTICE_SENT");
    }

    @Test
    void retryOfASentMessageSendsNothingMore() {
        OutboxMessage notice = queuedNotice();
        dispatcher.send(notice.getId());

        dispatcher.send(notice.getId());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(reread(notice).getAttempts()).isEqualTo(1);
        assertThat(timeline.of(notice.getAccountId())).extracting(TimelineEntry::getType).containsOnlyOnce("NOTICE_SENT");
    }

    @Test
    void smtpOutageIsAFailedAttemptAndTheRetrySendsOnceItIsBack() {
        OutboxMessage notice = queuedNotice();
        smtp.stop();

        assertThatThrownBy(() -> dispatcher.send(notice.getId())).isInstanceOf(MailException.class);

        OutboxMessage failed = reread(notice);
        assertThat(failed.getStatus()).isEqualTo(OutboxMessage.PENDING);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();

        smtp = startSmtp();
        dispatcher.send(notice.getId());
        dispatcher.send(notice.getId());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutboxMessage sent = reread(notice);
        assertThat(sent.getStatus()).isEqualTo(OutboxMessage.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getLastError()).isNull();
    }

    @Test
    void rollbackOfTheCallersTransactionAfterSendingDoesNotSendAgain() {
        OutboxMessage notice = queuedNotice();

        new TransactionTemplate(transactions).executeWithoutResult(job -> {
            dispatcher.send(notice.getId());
            job.setRollbackOnly();
        });
        dispatcher.send(notice.getId());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(reread(notice).getStatus()).isEqualTo(OutboxMessage.SENT);
    }

    private static java.util.List<String> bodyTypes(Multipart multipart) throws Exception {
        java.util.List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                types.addAll(bodyTypes(nested));
            } else {
                types.add(part.getContentType().split(";")[0].trim().toLowerCase());
            }
        }
        return types;
    }
}
