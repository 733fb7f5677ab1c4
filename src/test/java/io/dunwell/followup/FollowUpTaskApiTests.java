package io.dunwell.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.agent.Agents;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/** POST/GET /api/v1/follow-up-tasks and the completion call: who may, and what a bad request gets. */
@DunwellIntegrationTest
class FollowUpTaskApiTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired Agents agents;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    FollowUpPeople people;
    Account account;
    String agent;
    LocalDate today;

    @BeforeEach
    void setUp() {
        people = new FollowUpPeople(accounts, identity);
        account = people.account("Api Customer Ltd", "Europe/Berlin");
        agent = people.agent();
        today = account.today(clock);
    }

    @Test
    void anAgentCreatesATaskAboutAnInvoiceThatListsOnTheAccountAndWaitsInTasklist() throws Exception {
        String invoiceId = "INV-" + UUID.randomUUID();
        invoices.upsert(new InvoiceCommand(invoiceId, account.getExternalId(), "R-2026-17", today.minusDays(30), today.minusDays(10),
                "EUR", new BigDecimal("250.00"), null, null));

        create(agent, body(agent, today.plusDays(7), today.plusDays(5)).replace("\"invoiceId\":null", "\"invoiceId\":\"" + invoiceId + "\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.owner").value(agent))
                .andExpect(jsonPath("$.invoiceId").value(invoiceId))
                .andExpect(jsonPath("$.dueDate").value(today.plusDays(7).toString()));

        mvc.perform(MockMvcRequestBuilders.get("/api/v1/follow-up-tasks").param("accountId", account.getExternalId())
                        .with(httpBasic(agent, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("Call about the cheque"))
                .andExpect(jsonPath("$[0].assignee").value(agent));
        assertThat(tasks.createTaskQuery().taskAssignee(agent).taskDefinitionKey("Task_FollowUp").count()).isOne();
    }

    @Test
    void badDatesAndAnUnknownAssigneeAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        String unknown = "nobody" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

        create(agent, body(unknown, today.minusDays(1), today.plusDays(3)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("assignee", "dueDate", "reminderDate")));
        create(agent, body(agent, today.plusDays(3), today.plusDays(4)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reminderDate"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be after the due date"));
        create(agent, body(agent, today.plusDays(3), today).replace(account.getExternalId(), "no-such-account"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"));
        create(agent, "{\"accountId\":\"" + account.getExternalId() + "\",\"dueDate\":\"next week\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"));

        assertThat(jdbc.queryForObject("select count(*) from follow_up_task where account_id = ?", Integer.class, account.getId())).isZero();
    }

    @Test
    void aDeactivatedAgentCannotBeAssigned() throws Exception {
        String away = people.agent();
        agents.setActive(away, false);

        create(agent, body(away, today.plusDays(3), today))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"))
                .andExpect(jsonPath("$.errors[0].message").value(away + " is deactivated and cannot take on accounts"));
    }

    @Test
    void theBillingSystemsUserMayNotCreateTasks() throws Exception {
        String integration = people.user("fuintegration", Roles.INTEGRATIONS_GROUP);

        create(integration, body(agent, today.plusDays(3), today)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from follow_up_task where account_id = ?", Integer.class, account.getId())).isZero();
    }

    @Test
    void onlyTheAssigneeOrASupervisorMayEndATaskAndOnlyOnce() throws Exception {
        String otherAgent = people.agent();
        String supervisor = people.supervisor();
        long id = idOf(create(otherAgent, body(agent, today.plusDays(3), today.plusDays(1))).andExpect(status().isCreated()));

        complete(otherAgent, id, "completed").andExpect(status().isForbidden());
        complete(agent, id, "finished").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        complete(agent, id, "completed").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED")).andExpect(jsonPath("$.finishedBy").value(agent));
        complete(supervisor, id, "closed").andExpect(status().isConflict());
    }

    @Test
    void aSupervisorMayEndATaskAssignedToAnAgent() throws Exception {
        String supervisor = people.supervisor();
        long id = idOf(create(agent, body(agent, today.plusDays(3), today.plusDays(1))).andExpect(status().isCreated()));

        complete(supervisor, id, "closed").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.finishedBy").value(supervisor));
    }

    private ResultActions create(String user, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/follow-up-tasks").with(httpBasic(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions complete(String user, long id, String outcome) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/follow-up-tasks/" + id + "/completion")
                .with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"" + outcome + "\",\"note\":\"done\"}"));
    }

    private String body(String assignee, LocalDate due, LocalDate reminder) {
        return "{\"accountId\":\"" + account.getExternalId() + "\",\"invoiceId\":null,\"name\":\"Call about the cheque\","
                + "\"description\":\"They said it is in the post\",\"assignee\":\"" + assignee + "\",\"dueDate\":\"" + due
                + "\",\"reminderDate\":\"" + reminder + "\",\"autoEscalate\":true}";
    }

    private static long idOf(ResultActions created) throws Exception {
        return new ObjectMapper().readTree(created.andReturn().getResponse().getContentAsString()).get("id").asLong();
    }
}
