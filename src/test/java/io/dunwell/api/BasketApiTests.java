package io.dunwell.api;

import static io.dunwell.api.DunwellApi.CONFLICT;
import static io.dunwell.api.DunwellApi.VALIDATION;
import static io.dunwell.api.DunwellApi.problem;
import static io.dunwell.api.DunwellApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.worklist.Baskets;
import io.dunwell.dunning.Mailbox;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/** Baskets through the API: made once, refused whole on bad input, private to their owner, and statements mailed once. */
@DunwellIntegrationTest
class BasketApiTests {

    static final String AGENT = "basketagent";
    static final String OTHER_AGENT = "basketneighbour";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired Baskets baskets;

    DunwellApi api;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        api = new DunwellApi(mvc);
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        TestUsers.ensure(identity, OTHER_AGENT, Roles.AGENTS_GROUP);
    }

    @AfterEach
    void stopMail() {
        if (mailbox != null) {
            mailbox.stop();
        }
    }

    @Test
    void agentMakesAPendingBasketAndReadsItBack() throws Exception {
        String first = account("first");
        String second = account("second");

        JsonNode basket = api.read(asAgent(AGENT, "/api/v1/baskets", basketJson("30+ days", second, first))
                .andExpect(status().isCreated()));

        assertThat(basket.get("name").asText()).isEqualTo("30+ days");
        assertThat(basket.get("owner").asText()).isEqualTo(AGENT);
        assertThat(basket.get("status").asText()).isEqualTo("PENDING");
        assertThat(basket.get("accounts").findValuesAsText("accountId")).containsExactly(second, first);
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/baskets/" + basket.get("id").asLong()).with(httpBasic(AGENT, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accounts[0].accountId").value(second));
        JsonNode mine = api.read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/baskets").with(httpBasic(AGENT, TestUsers.PASSWORD)))
                .andExpect(status().isOk()));
        assertThat(mine.findValuesAsText("id")).contains(basket.get("id").asText());
    }

    @Test
    void repeatingTheSameRequestGivesTheSameBasket() throws Exception {
        String account = account("repeat");
        String body = basketJson("90+ days", account);

        long made = api.read(asAgent(AGENT, "/api/v1/baskets", body).andExpect(status().isCreated())).get("id").asLong();
        long again = api.read(asAgent(AGENT, "/api/v1/baskets", body).andExpect(status().isOk())).get("id").asLong();

        assertThat(again).isEqualTo(made);
    }

    @Test
    void emptyNameAndUnknownAccountsAreRefusedAndNothingIsMade() throws Exception {
        String known = account("known");
        int before = basketsOf(AGENT).size();

        asAgent(AGENT, "/api/v1/baskets", basketJson("  ", known, "ACC-nobody-" + known))
                .andExpect(problem(400, VALIDATION, "name", "accountIds"))
                .andExpect(jsonPath("$.errors[?(@.field == 'accountIds')].message").value("No account with id ACC-nobody-" + known));
        asAgent(AGENT, "/api/v1/baskets", "{\"name\": \"nothing picked\", \"accountIds\": []}")
                .andExpect(problem(400, VALIDATION, "accountIds"));

        assertThat(basketsOf(AGENT)).hasSize(before);
    }

    @Test
    void anotherAgentCannotSeeOrMailSomeoneElsesBasket() throws Exception {
        long id = api.read(asAgent(AGENT, "/api/v1/baskets", basketJson("private", account("private")))
                .andExpect(status().isCreated())).get("id").asLong();

        mvc.perform(MockMvcRequestBuilders.get("/api/v1/baskets/" + id).with(httpBasic(OTHER_AGENT, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        asAgent(OTHER_AGENT, "/api/v1/baskets/" + id + "/statements?requestId=r1", "").andExpect(status().isForbidden());
        assertThat(basketsOf(OTHER_AGENT)).extracting(node -> node.get("id").asLong()).doesNotContain(id);
    }

    @Test
    void theBasketsAgentAbandonsItsSessionAndTheBasketIsPendingAgain() throws Exception {
        long id = api.read(asAgent(AGENT, "/api/v1/baskets", basketJson("abandon", account("abandon-one"), account("abandon-two")))
                .andExpect(status().isCreated())).get("id").asLong();
        String path = "/api/v1/baskets/" + id + "/session/abandon";
        asAgent(AGENT, path, "").andExpect(problem(409, CONFLICT));
        baskets.startSession(id, AGENT, false);

        asAgent(OTHER_AGENT, path, "").andExpect(status().isForbidden());
        asAgent(AGENT, path, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.abandonedBy").value(AGENT))
                .andExpect(jsonPath("$.accounts[0].outcome").doesNotExist())
                .andExpect(jsonPath("$.accounts[1].outcome").doesNotExist());
        asAgent(AGENT, path, "").andExpect(problem(409, CONFLICT));
    }

    @Test
    void statementsGoOutOncePerAccountWithThePdfAttached() throws Exception {
        mailbox = Mailbox.start();
        String first = account("stmt-one");
        String second = account("stmt-two");
        String noAddress = uniqueId("ACC");
        api.put("/api/v1/accounts/" + noAddress, """
                {"name": "No Mail GmbH", "locale": "de-DE", "timeZone": "UTC", "currency": "EUR"}""").andExpect(status().isCreated());
        long id = api.read(asAgent(AGENT, "/api/v1/baskets", basketJson("statements", first, second, noAddress))
                .andExpect(status().isCreated())).get("id").asLong();

        String path = "/api/v1/baskets/" + id + "/statements?requestId=click-1";
        asAgent(AGENT, path, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.queued").value(3)).andExpect(jsonPath("$.sent").value(2)).andExpect(jsonPath("$.notSent").value(1));
        // a double click or a retry of the same request sends nothing more
        asAgent(AGENT, path, "").andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(2));

        for (String account : List.of(first, second)) {
            List<MimeMessage> mails = mailbox.to(email(account));
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("Ihr Kontoauszug " + account);
            assertThat(attachments(mails.get(0))).singleElement().asString().startsWith("statement-").endsWith(".pdf");
        }
        JsonNode messages = api.read(api.get("/api/v1/messages?accountId=" + first).andExpect(status().isOk()));
        assertThat(messages.findValuesAsText("template")).containsExactly("account-statement");
    }

    private String account(String tag) throws Exception {
        String id = uniqueId("ACC");
        api.put("/api/v1/accounts/" + id, """
                {"name": "Basket %s GmbH", "email": "%s", "locale": "de-DE", "timeZone": "UTC", "currency": "EUR"}"""
                .formatted(tag, email(id))).andExpect(status().isCreated());
        api.newInvoice(id, "EUR", "480.00", api.today().minusDays(35));
        return id;
    }

    private static String email(String accountId) {
        return accountId.toLowerCase() + "@customer.example";
    }

    private static String basketJson(String name, String... accountIds) {
        return "{\"name\": \"" + name + "\", \"accountIds\": [" + String.join(", ", List.of(accountIds).stream()
                .map(id -> "\"" + id + "\"").toList()) + "]}";
    }

    private ResultActions asAgent(String agent, String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(agent, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<JsonNode> basketsOf(String agent) throws Exception {
        JsonNode all = api.read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/baskets").with(httpBasic(agent, TestUsers.PASSWORD)))
                .andExpect(status().isOk()));
        List<JsonNode> list = new ArrayList<>();
        all.forEach(list::add);
        return list;
    }

    private static List<String> attachments(MimeMessage mail) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
        return names;
    }
}
