package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import io.dunwell.account.Accounts;
import io.dunwell.dunning.Mailbox;
import io.dunwell.invoice.Invoices;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/** Sending the outbox's mail over real SMTP (GreenMail where spring.mail points): once, and never twice. */
@DunwellIntegrationTest
class OutboxTests {

    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Notifications notifications;
    @Autowired
    Outbox outbox;
    @Autowired
    StaffMail staffMail;
    @Autowired
    OutboxRepository messages;
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
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.port(Mailbox.PORT));
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

        outbox.send(notice.getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(notice.getSubject());
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(notice.getRecipient());
        assertThat(mail.getMessageID()).isEqualTo(MailDelivery.messageIdOf(notice.getIdempotencyKey())).endsWith("@dunwell>");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("multipart/alternative", "text/plain", "text/html");
        assertThat(leafParts((Multipart) mail.getContent())).extracting(OutboxTests::typeOf)
                .contains("text/plain", "text/html");

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
        outbox.send(notice.getId());

        outbox.send(notice.getId());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(reread(notice).getAttempts()).isEqualTo(1);
        assertThat(timeline.of(notice.getAccountId())).extracting(TimelineEntry::getType).containsOnlyOnce("NOTICE_SENT");
    }

    @Test
    void smtpOutageIsAFailedAttemptAndTheRetrySendsOnceItIsBack() {
        OutboxMessage notice = queuedNotice();
        smtp.stop();

        assertThatThrownBy(() -> outbox.send(notice.getId())).isInstanceOf(MailException.class);

        OutboxMessage failed = reread(notice);
        assertThat(failed.getStatus()).isEqualTo(OutboxMessage.PENDING);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();

        smtp = startSmtp();
        outbox.send(notice.getId());
        outbox.send(notice.getId());

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
            outbox.send(notice.getId());
            job.setRollbackOnly();
        });
        outbox.send(notice.getId());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(reread(notice).getStatus()).isEqualTo(OutboxMessage.SENT);
    }

    @Test
    void twoSendersAtTheSameTimeSendOneMail() throws Exception {
        OutboxMessage notice = queuedNotice();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                sends.add(nodes.submit(() -> {
                    go.await();
                    outbox.send(notice.getId());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(reread(notice).getAttempts()).isEqualTo(1);
        assertThat(timeline.of(notice.getAccountId())).extracting(TimelineEntry::getType).containsOnlyOnce("NOTICE_SENT");
    }

    @Test
    void staffMailIsSentOnceUnderItsKeyAndGoesToNoCustomer() throws Exception {
        String key = "staff-test:" + UUID.randomUUID();

        staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key);
        staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key);

        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("alice mentioned you in a note on account ACC-1");
            assertThat(mail.getMessageID()).isEqualTo(MailDelivery.messageIdOf(key));
        });
        OutboxMessage sent = messages.findByIdempotencyKey(key).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(OutboxMessage.SENT);
        assertThat(sent.getAccountId()).isNull();
        assertThat(sent.getTemplate()).isEqualTo("note-mention");
    }

    @Test
    void staffMailTheServerRefusedThrowsForTheCallersRetryWhichSendsIt() {
        String key = "staff-test:" + UUID.randomUUID();
        smtp.stop();

        assertThatThrownBy(() -> staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key))
                .isInstanceOf(MailException.class);
        assertThat(messages.findByIdempotencyKey(key).orElseThrow().getAttempts()).isEqualTo(1);

        smtp = startSmtp();
        staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key);
        staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(messages.findByIdempotencyKey(key).orElseThrow().getStatus()).isEqualTo(OutboxMessage.SENT);
    }

    @Test
    void staffMailSentInsideAJobThatRollsBackIsNotSentAgainByItsRetry() {
        String key = "staff-test:" + UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(job -> {
            staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key);
            job.setRollbackOnly();
        });
        staffMail.sendOnce("agent@dunwell.test", "note-mention", mentionModel(), key);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private static Map<String, Object> mentionModel() {
        return Map.of("agent", "agent", "author", "alice", "customerName", "Staff Mail Ltd", "customerNumber", "ACC-1",
                "invoiceNumber", "", "body", "please call");
    }

    @Test
    void finalNoticeWithStatementCarriesAPdfListingEveryOpenInvoiceAndTheTotal() throws Exception {
        Account account = customers.account("Statement GmbH", "de-DE", "Europe/Berlin", "EUR");
        String older = customers.invoice(account, "1190.00", "1190.00", 40);
        String newer = customers.invoice(account, "500.00", "250.50", 20);
        String paid = customers.invoice(account, "999.00", "0.00", 30);
        OutboxMessage notice = customers.enqueue(account, "final-notice", Map.of(), true);

        outbox.send(notice.getId());

        MimeMessage mail = smtp.getReceivedMessages()[0];
        List<BodyPart> parts = leafParts((Multipart) mail.getContent());
        assertThat(parts).extracting(OutboxTests::typeOf).contains("text/plain", "text/html", "application/pdf");
        BodyPart pdf = pdfIn(mail);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("statement-" + account.getExternalId() + "-" + account.today(clock) + ".pdf");
        byte[] bytes = pdf.getInputStream().readAllBytes();
        assertThat(bytes).isEqualTo(reread(notice).attachment().orElseThrow().pdf());
        assertThat(textOf(bytes)).contains("Kontoauszug", "Statement GmbH", account.getExternalId(), older, newer,
                "1.190,00 €", "250,50 €", "Gesamtbetrag 1.440,50 €").doesNotContain(paid);
    }

    @Test
    void statementIsInTheAccountsLanguage() throws Exception {
        Account account = customers.account("Statement Inc", "en-US", "America/New_York", "USD");
        String invoice = customers.invoice(account, "80.00", "80.00", 12);

        OutboxMessage notice = customers.enqueue(account, "final-notice", Map.of(), true);

        assertThat(textOf(notice.attachment().orElseThrow().pdf())).contains("Statement of account", invoice, "$80.00",
                "Total due $80.00").doesNotContain("Kontoauszug");
    }

    @Test
    void noticeWithoutStatementHasNoAttachment() throws Exception {
        OutboxMessage notice = customers.enqueue(customers.account("Plain Ltd", "en-GB", "Europe/London", "GBP"),
                "final-notice", Map.of(), false);

        outbox.send(notice.getId());

        assertThat(reread(notice).getAttachmentName()).isNull();
        assertThat(leafParts((Multipart) smtp.getReceivedMessages()[0].getContent()))
                .extracting(OutboxTests::typeOf).containsOnly("text/plain", "text/html");
    }

    @Test
    void retryAfterAnOutageSendsTheStatementStoredWithTheNotice() throws Exception {
        Account account = customers.account("Retry Statement GmbH", "de-DE", "Europe/Berlin", "EUR");
        customers.invoice(account, "100.00", "100.00", 30);
        OutboxMessage notice = customers.enqueue(account, "final-notice", Map.of(), true);
        smtp.stop();
        assertThatThrownBy(() -> outbox.send(notice.getId())).isInstanceOf(MailException.class);
        customers.invoice(account, "7777.00", "7777.00", 10);

        smtp = startSmtp();
        outbox.send(notice.getId());

        byte[] sent = pdfIn(smtp.getReceivedMessages()[0]).getInputStream().readAllBytes();
        assertThat(sent).isEqualTo(notice.attachment().orElseThrow().pdf());
        assertThat(textOf(sent)).doesNotContain("7.777,00");
    }

    private static BodyPart pdfIn(MimeMessage mail) throws Exception {
        return leafParts((Multipart) mail.getContent()).stream().filter(part -> typeOf(part).equals("application/pdf"))
                .findFirst().orElseThrow();
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }

    private static String typeOf(BodyPart part) {
        try {
            return part.getContentType().split(";")[0].trim().toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BodyPart> leafParts(Multipart multipart) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(leafParts(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }
}
