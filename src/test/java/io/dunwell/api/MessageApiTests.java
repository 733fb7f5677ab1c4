package io.dunwell.api;

import static io.dunwell.api.DunwellApi.NOT_FOUND;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.notification.ChannelProvider;
import io.dunwell.notification.Notifications;
import io.dunwell.notification.OutboxSweep;

@DunwellIntegrationTest
class MessageApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxSweep sweep;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    DunwellApi api;

    @BeforeEach
    void setUp() {
        api = new DunwellApi(mvc);
    }

    @Test
    void listsTheAccountsNoticesOldestFirst() throws Exception {
        Account account = accounts.upsert(uniqueId("ACC"), new AccountDetails("Outbox Ltd", "ap@outbox.example", null, "en-GB",
                "Europe/London", "GBP", null)).account();
        invoices.upsert(new InvoiceCommand(uniqueId("INV"), account.getExternalId(), "INV-1", account.today(clock).minusDays(40),
                account.today(clock).minusDays(25), "GBP", new BigDecimal("80.00"), null, null));
        TransactionTemplate step = new TransactionTemplate(transactions);
        Long first = step.execute(tx -> notifications.enqueue(account.getId(), "reminder-1", account.getExternalId() + ":1")).getId();
        Long second = step.execute(tx -> notifications.enqueue(account.getId(), "reminder-2", account.getExternalId() + ":2")).getId();

        api.get("/api/v1/messages?accountId=" + account.getExternalId())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(first))
                .andExpect(jsonPath("$[0].template").value("reminder-1"))
                .andExpect(jsonPath("$[0].channel").value("EMAIL"))
                .andExpect(jsonPath("$[0].recipient").value("ap@outbox.example"))
                .andExpect(jsonPath("$[0].subject").value("Payment reminder for account " + account.getExternalId()))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].attempts").value(0))
                .andExpect(jsonPath("$[0].createdAt").isNotEmpty())
                .andExpect(jsonPath("$[0].sentAt").doesNotExist())
                .andExpect(jsonPath("$[1].id").value(second))
                .andExpect(jsonPath("$[1].template").value("reminder-2"));
    }

    @Test
    void listsAnSmsWithItsChannelPhoneAndStatusBesideTheMail() throws Exception {
        Account account = accounts.upsert(uniqueId("ACC"), new AccountDetails("Texted Ltd", "ap@texted.example", "+44201234567",
                "en-GB", "Europe/London", "GBP", null)).account();
        Long sms = new TransactionTemplate(transactions).execute(tx -> notifications.enqueueText(account.getId(),
                ChannelProvider.SMS, "+44201234567", "Please pay", account.getExternalId() + ":sms", null)).getId();
        sweep.sendDue();

        api.get("/api/v1/messages?accountId=" + account.getExternalId())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(sms))
                .andExpect(jsonPath("$[0].channel").value("SMS"))
                .andExpect(jsonPath("$[0].recipient").value("+44201234567"))
                .andExpect(jsonPath("$[0].status").value("SENT"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].sentAt").isNotEmpty())
                .andExpect(jsonPath("$[0].template").doesNotExist())
                .andExpect(jsonPath("$[0].subject").doesNotExist());
    }

    @Test
    void unknownAccountIsNotFound() throws Exception {
        api.get("/api/v1/messages?accountId=" + uniqueId("NOPE")).andExpect(problem(404, NOT_FOUND));
    }

    @Test
    void missingAccountIdIsABadRequest() throws Exception {
        api.get("/api/v1/messages").andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
    }
}
