package io.dunwell.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.dunning.Mailbox;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.notification.Outbox;
import io.dunwell.notification.OutboxSweep;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;
import io.dunwell.timeline.Timeline;
import io.dunwell.timeline.TimelineEntry;

/** Notes through the console's endpoints, on PostgreSQL, with mention mail over real SMTP. */
@DunwellIntegrationTest
class NotesTests {

    static final String AGENT = "notesagent";
    static final String NOT_AN_AGENT = "notesbilling";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    IdentityService identity;
    @Autowired
    Timeline timeline;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSweep sweep;
    @Autowired
    JdbcTemplate jdbc;

    Mailbox mailbox;
    Account account;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, NOT_AN_AGENT, Roles.INTEGRATIONS_GROUP);
        mailbox = Mailbox.start();
        account = accounts.upsert("ACC-" + UUID.randomUUID(),
                new AccountDetails("Notes Customer", null, null, "en-US", "UTC", "EUR", null)).account();
    }

    @AfterEach
    void tearDown() {
        mailbox.stop();
    }

    @Test
    void anAgentAddsANoteAndAReplyAndTheTimelineRecordsBoth() throws Exception {
        post(accountNotes(), "Customer promised to call back").andExpect(status().isOk());
        Long noteId = noteIds().get(0);

        mvc.perform(postRequest(accountNotes(), "They did not call").param("parentId", noteId.toString()))
                .andExpect(status().isOk());

        mvc.perform(get(accountNotes()).with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Customer promised to call back")))
                .andExpect(content().string(containsString("<div class=\"reply\">")))
                .andExpect(content().string(containsString("They did not call")));
        assertThat(jdbc.queryForObject("select parent_id from note where id = ?", Long.class, noteIds().get(1))).isEqualTo(noteId);
        assertThat(timeline.of(account.getId())).filteredOn(entry -> entry.getType().equals("NOTE_ADDED"))
                .extracting(TimelineEntry::getSummary)
                .containsExactly("Note by alice on account " + account.getExternalId() + ": Customer promised to call back",
                        "Reply by alice on account " + account.getExternalId() + ": They did not call");
    }

    @Test
    void aNoteOnAnInvoiceIsInTheInvoicesThreadAndOnItsAccountsTimeline() throws Exception {
        String invoice = invoice("N-" + UUID.randomUUID().toString().substring(0, 8));

        post("/invoices/" + invoice + "/notes", "Disputed line 3").andExpect(status().isOk());

        mvc.perform(get("/invoices/" + invoice + "/notes").with(user("alice").roles("AGENT")))
                .andExpect(content().string(containsString("Disputed line 3")));
        mvc.perform(get(accountNotes()).with(user("alice").roles("AGENT")))
                .andExpect(content().string(not(containsString("Disputed line 3"))));
        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getType).containsOnlyOnce("NOTE_ADDED");
    }

    @Test
    void aMentionedAgentGetsOneMailAndARetrySendsNoSecond() throws Exception {
        post(accountNotes(), "@" + AGENT + " please call them today.").andExpect(status().isOk());

        String address = AGENT + "@dunwell.test";
        assertThat(mailbox.subjectsTo(address))
                .containsExactly("alice mentioned you in a note on account " + account.getExternalId());
        Long mention = mentionMailOf(noteIds().get(0), AGENT);
        outbox.send(mention);
        sweep.sendDue();
        assertThat(mailbox.to(address)).hasSize(1);
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, mention)).isEqualTo("SENT");
    }

    @Test
    void aMentionMailTheServerRefusedIsSentByTheOutboxOnceTheServerIsBack() throws Exception {
        mailbox.stop();
        post(accountNotes(), "@" + AGENT + " have a look").andExpect(status().isOk());
        Long mention = mentionMailOf(noteIds().get(0), AGENT);
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, mention)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select attempts from outbox_message where id = ?", Integer.class, mention)).isOne();

        mailbox.up();
        sweep.sendDue();
        sweep.sendDue();

        assertThat(mailbox.subjectsTo(AGENT + "@dunwell.test"))
                .containsExactly("alice mentioned you in a note on account " + account.getExternalId());
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, mention)).isEqualTo("SENT");
        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getType).as("staff mail is no notice to the customer")
                .doesNotContain("NOTICE_QUEUED", "NOTICE_SENT");
    }

    @Test
    void mentioningSomeoneWhoIsNoActiveAgentIsRefusedAndStoresNothing() throws Exception {
        post(accountNotes(), "Ask @" + NOT_AN_AGENT + " and @nobody-here about it")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("@" + NOT_AN_AGENT + " is not an active agent and cannot be mentioned")))
                .andExpect(content().string(containsString("@nobody-here is not an active agent")))
                .andExpect(content().string(containsString("Ask @" + NOT_AN_AGENT + " and @nobody-here about it</textarea>")));

        assertThat(noteIds()).isEmpty();
        assertThat(timeline.of(account.getId())).extracting(TimelineEntry::getType).doesNotContain("NOTE_ADDED");
        assertThat(mailbox.all()).isEmpty();
    }

    @Test
    void markupInABodyIsShownAsTextAndLineBreaksStay() throws Exception {
        post(accountNotes(), "<script>alert('x')</script>\n<b>second</b> line").andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>&lt;b&gt;second&lt;/b&gt; line")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void anAttachmentIsDownloadedAsItWasAttachedAndNeverRenderedInline() throws Exception {
        byte[] pdf = "%PDF-1.4 not really".getBytes();
        post(accountNotes(), "Signed agreement", new MockMultipartFile("files", "agreement \"v2\".pdf", "application/pdf", pdf))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("agreement &quot;v2&quot;.pdf")));
        Long attachment = jdbc.queryForObject("select id from note_attachment where note_id = ?", Long.class, noteIds().get(0));

        mvc.perform(get("/notes/attachments/" + attachment).with(user("bob").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(pdf));
    }

    @Test
    void anAttachmentOverFiveMegabytesIsRefusedAndNothingIsStored() throws Exception {
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];

        post(accountNotes(), "Big scan", new MockMultipartFile("files", "scan.tif", "image/tiff", tooBig))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("scan.tif is larger than 5 MB")));

        assertThat(noteIds()).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteANoteOrAnAttachment() throws Exception {
        post(accountNotes(), "For the record", new MockMultipartFile("files", "a.txt", "text/plain", "a".getBytes()))
                .andExpect(status().isOk());
        Long note = noteIds().get(0);

        assertThatThrownBy(() -> jdbc.update("update note set body = 'changed' where id = ?", note))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("Notes are immutable");
        assertThatThrownBy(() -> jdbc.update("delete from note_attachment where note_id = ?", note))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("Notes are immutable");
        assertThatThrownBy(() -> jdbc.update("update note_attachment set name = 'b.txt' where note_id = ?", note))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from note where id = ?", note))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("select body from note where id = ?", String.class, note)).isEqualTo("For the record");
    }

    @Test
    void theBillingSystemsUserMayNotReadOrWriteNotes() throws Exception {
        mvc.perform(get(accountNotes()).with(user("billing").roles("INTEGRATION"))).andExpect(status().isForbidden());
        mvc.perform(multipart(accountNotes()).param("body", "hi").with(csrf()).with(user("billing").roles("INTEGRATION")))
                .andExpect(status().isForbidden());
        assertThat(noteIds()).isEmpty();
    }

    @Test
    void theExportFiltersBySourceAccountInvoiceAndDaysInTheZoneAndNeutralisesFormulas() throws Exception {
        String number = "N-" + UUID.randomUUID().toString().substring(0, 8);
        String invoice = invoice(number);
        post(accountNotes(), "=HYPERLINK(\"http://evil\",\"x\")").andExpect(status().isOk());
        post("/invoices/" + invoice + "/notes", "On the invoice").andExpect(status().isOk());
        OffsetDateTime createdAt = jdbc.queryForObject("select created_at from note where id = ?", OffsetDateTime.class, noteIds().get(0));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate day = createdAt.atZoneSameInstant(berlin).toLocalDate();

        String accountsCsv = export("accounts", "account", account.getExternalId(), "zone", "Europe/Berlin",
                "from", day.toString(), "to", day.toString());
        String invoicesCsv = export("invoices", "invoice", number);
        String nextDay = export("accounts", "account", account.getExternalId(), "from", day.plusDays(1).toString(),
                "zone", "Europe/Berlin");

        assertThat(accountsCsv.lines()).hasSize(2).first().isEqualTo(String.join(",", NotesExport.HEADER));
        assertThat(accountsCsv.lines().skip(1).findFirst().orElseThrow())
                .contains(createdAt.atZoneSameInstant(berlin).toOffsetDateTime().toString().substring(0, 16))
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",")
                .contains(",alice," + account.getExternalId() + ",Notes Customer,,");
        assertThat(invoicesCsv.lines()).hasSize(2);
        assertThat(invoicesCsv).contains("," + number + ",On the invoice,0");
        assertThat(nextDay.lines()).hasSize(1);
        mvc.perform(get("/notes/export").param("zone", "Mars/Olympus").with(user("alice").roles("AGENT")))
                .andExpect(status().isBadRequest());
    }

    private String export(String source, String... parameters) throws Exception {
        var request = get("/notes/export").param("source", source).with(user("alice").roles("AGENT"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
    }

    private String accountNotes() {
        return "/accounts/" + account.getExternalId() + "/notes";
    }

    private String invoice(String number) {
        String externalId = "EXT-" + UUID.randomUUID();
        LocalDate due = LocalDate.of(2027, 1, 31);
        invoices.upsert(new InvoiceCommand(externalId, account.getExternalId(), number, due.minusDays(14), due, "EUR",
                new BigDecimal("100.00"), new BigDecimal("100.00"), null));
        return externalId;
    }

    private Long mentionMailOf(Long noteId, String agent) {
        return jdbc.queryForObject("select id from outbox_message where idempotency_key = ?", Long.class,
                MentionMails.keyOf(noteId, agent));
    }

    private List<Long> noteIds() {
        return jdbc.queryForList("select id from note where account_id = ? order by id", Long.class, account.getId());
    }

    private ResultActions post(String url, String body, MockMultipartFile... files)
            throws Exception {
        return mvc.perform(postRequest(url, body, files));
    }

    private MockMultipartHttpServletRequestBuilder postRequest(String url, String body, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        Arrays.stream(files).forEach(request::file);
        request.param("body", body).with(csrf()).with(user("alice").roles("AGENT"));
        return request;
    }
}
