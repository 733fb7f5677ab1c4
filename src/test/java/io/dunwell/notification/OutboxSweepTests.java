package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.Mailbox;
import io.dunwell.invoice.Invoices;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/** What no process step sends (a bulk message, a basket's statements) goes out through the outbox's sweep. */
@DunwellIntegrationTest
class OutboxSweepTests {

    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxSweep sweep;
    @Autowired
    DevelopmentChannelProvider development;
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

    @Test
    void mailQueuedOutsideAProcessIsSentOnceByTheOutbox() {
        Account account = owingCustomer();
        OutboxMessage queued = queueOutsideProcess(account);

        sweep.sendDue();
        sweep.sendDue();

        assertThat(mailsTo(account)).hasSize(1);
        assertThat(notifications.find(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.SENT);
    }

    @Test
    void aMailTheServerRefusedIsSentInALaterRound() {
        Account account = owingCustomer();
        OutboxMessage queued = queueOutsideProcess(account);
        smtp.stop();

        sweep.sendDue();

        OutboxMessage refused = notifications.find(queued.getId()).orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(OutboxMessage.PENDING);
        assertThat(refused.getAttempts()).isEqualTo(1);

        smtp = startSmtp();
        sweep.sendDue();

        assertThat(mailsTo(account)).hasSize(1);
        assertThat(notifications.find(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.SENT);
    }

    @Test
    void aProcessStepsNoticeIsLeftToItsOwnJob() {
        Account account = owingCustomer();
        OutboxMessage notice = customers.enqueue(account, "reminder-1");

        sweep.sendDue();

        assertThat(mailsTo(account)).isEmpty();
        assertThat(notifications.find(notice.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.PENDING);
    }

    @Test
    void anSmsIsHandedToTheProviderOnceAndTheTimelineSaysSo() {
        Account account = owingCustomer();
        OutboxMessage queued = new TransactionTemplate(transactions).execute(status -> notifications.enqueueText(account.getId(),
                ChannelProvider.SMS, "+4930555", "Please pay", "sweep-test:" + UUID.randomUUID(), null));

        sweep.sendDue();
        sweep.sendDue();

        assertThat(development.deliveries(500)).filteredOn(delivery -> delivery.recipient().equals("+4930555")
                && delivery.body().equals("Please pay")).hasSize(1);
        OutboxMessage sent = notifications.find(queued.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(OutboxMessage.SENT);
        assertThat(sent.getProvider()).isEqualTo("development");
        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getType).containsSubsequence("SMS_QUEUED", "SMS_SENT")
                .containsOnlyOnce("SMS_SENT");
    }

    private Account owingCustomer() {
        Account account = customers.account("Outbox Customer " + UUID.randomUUID().toString().substring(0, 8), "en-US",
                "America/New_York", "USD");
        customers.invoice(account, "250.00", "250.00", 12);
        return account;
    }

    private OutboxMessage queueOutsideProcess(Account account) {
        return new TransactionTemplate(transactions).execute(status -> notifications.enqueueOutsideProcess(account.getId(),
                "reminder-1", "pending-mail-test:" + UUID.randomUUID(), Map.of(), false));
    }

    private List<MimeMessage> mailsTo(Account account) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> recipients(mail).contains(account.getEmail())).toList();
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.port(Mailbox.PORT));
        server.start();
        return server;
    }
}
