package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.followup.FollowUpPeople;
import io.dunwell.followup.FollowUpTask;
import io.dunwell.followup.FollowUpStatus;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.followup.NewFollowUpTask;

/** The account page's follow-up section: agents create tasks there; the holder or a supervisor ends them. */
@DunwellIntegrationTest
class FollowUpSectionTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired IdentityService identity;
    @Autowired FollowUpTasks followUps;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    FollowUpPeople people;
    Account account;
    String agent;
    LocalDate today;

    @BeforeEach
    void setUp() {
        people = new FollowUpPeople(accounts, identity);
        account = people.account("Section <b>Customer</b>", "Europe/Paris");
        agent = people.agent();
        today = account.today(clock);
    }

    @Test
    void anAgentCreatesATaskFromTheSectionAndSeesItListed() throws Exception {
        mvc.perform(create(agent).param("name", "Ask for <script>x</script> the PO").param("dueDate", today.plusDays(3).toString())
                        .param("reminderDate", today.plusDays(1).toString()).param("autoEscalate", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("created for " + agent)))
                .andExpect(content().string(containsString("Ask for &lt;script&gt;x&lt;/script&gt; the PO")))
                .andExpect(content().string(containsString("status-PENDING")))
                .andExpect(content().string(containsString("escalates when due")));

        mvc.perform(get(section()).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Follow-up tasks <span>1</span>")))
                .andExpect(content().string(containsString("value=\"completed\"")));
    }

    @Test
    void aBadDateComesBackWithTheFormAsTypedAndNothingIsCreated() throws Exception {
        mvc.perform(create(agent).param("name", "Too late").param("dueDate", today.minusDays(1).toString())
                        .param("reminderDate", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lies in the past")))
                .andExpect(content().string(containsString("value=\"Too late\"")))
                .andExpect(content().string(containsString("<details class=\"panel-body\" open>")));

        assertThat(jdbc.queryForObject("select count(*) from follow_up_task where account_id = ?", Integer.class, account.getId())).isZero();
    }

    @Test
    void anotherAgentSeesNoButtonsAndIsRefusedTheHolderCompletes() throws Exception {
        FollowUpTask task = followUps.create(new NewFollowUpTask(account.getExternalId(), null, "Confirm the address", null, agent,
                today.plusDays(2), today.plusDays(1), false), agent);
        String other = people.agent();

        mvc.perform(get(section()).with(user(other).roles("AGENT")))
                .andExpect(content().string(not(containsString("value=\"completed\""))));
        mvc.perform(finish(other, task).param("outcome", "completed")).andExpect(status().isForbidden());
        mvc.perform(finish(agent, task).param("outcome", "completed").param("note", "address confirmed"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("status-COMPLETED")))
                .andExpect(content().string(containsString(agent + ": address confirmed")));
        assertThat(followUps.get(task.getId()).getStatus()).isEqualTo(FollowUpStatus.COMPLETED);
    }

    private String section() {
        return "/accounts/" + account.getExternalId() + "/follow-ups";
    }

    private MockHttpServletRequestBuilder create(String userId) {
        return post(section()).with(user(userId).roles("AGENT")).with(csrf()).param("assignee", agent);
    }

    private MockHttpServletRequestBuilder finish(String userId, FollowUpTask task) {
        return post(section() + "/" + task.getId() + "/finish").with(user(userId).roles("AGENT")).with(csrf());
    }
}
