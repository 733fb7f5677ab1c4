package io.dunwell.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.settings.AgingBuckets;
import io.dunwell.settings.OverdueCondition;

/** The aggregate queries on the shared database, narrowed to one agent whose accounts only this test makes. */
@DunwellIntegrationTest
class PortfolioTests {

    private static final OverdueCondition IN_COLLECTIONS = new OverdueCondition(0, BigDecimal.ZERO);

    @Autowired
    Portfolio portfolio;
    @Autowired
    Accounts accounts;
    @Autowired
    Invoices invoices;
    @Autowired
    Clock clock;

    String agent;
    LocalDate today;

    @BeforeEach
    void threeAccountsOfOneAgent() {
        agent = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        today = LocalDate.now(clock);
        account("Current Co", CollectionStatus.GOOD_STANDING, "150", -10);
        Account late = account("Late Ltd", CollectionStatus.IN_COLLECTIONS, "700", 45);
        invoice(late, "100", 5);
        account("Ancient GmbH", CollectionStatus.ESCALATED, "50", 100);
    }

    @Test
    void standingCountsGoodStandingAndEveryCollectionStatus() {
        Standing standing = portfolio.standing(IN_COLLECTIONS, agent);

        assertThat(standing.goodStanding()).isEqualTo(1);
        assertThat(standing.inCollections()).isEqualTo(2);
    }

    @Test
    void anAccountInGoodStandingButPastTheConditionIsInCollectionsAsOnTheAccountsList() {
        account("Forgotten Oy", CollectionStatus.GOOD_STANDING, "90", 12);

        assertThat(portfolio.standing(IN_COLLECTIONS, agent).inCollections()).isEqualTo(3);
        assertThat(portfolio.standing(new OverdueCondition(20, BigDecimal.ZERO), agent).inCollections()).isEqualTo(2);
        assertThat(portfolio.standing(new OverdueCondition(0, new BigDecimal("100")), agent).goodStanding()).isEqualTo(2);
        assertThat(portfolio.inCollectionsByAge(AgingBuckets.DEFAULT, IN_COLLECTIONS, agent)).containsExactly(0L, 1L, 1L, 0L, 1L);
    }

    @Test
    void accountsInCollectionsAreAgedByTheirOldestUnpaidInvoice() {
        assertThat(portfolio.inCollectionsByAge(AgingBuckets.DEFAULT, IN_COLLECTIONS, agent)).containsExactly(0L, 0L, 1L, 0L, 1L);
    }

    @Test
    void scatterPlotsOverdueBalanceLongestOverdueFirst() {
        assertThat(portfolio.scatter("EUR", IN_COLLECTIONS, agent, 10))
                .extracting(ScatterPoint::name, ScatterPoint::daysPastDue, point -> point.overdueBalance().setScale(0))
                .containsExactly(
                        tuple("Ancient GmbH", 100L, new BigDecimal("50")),
                        tuple("Late Ltd", 45L, new BigDecimal("800")));
        assertThat(portfolio.overdueInCollections("EUR", IN_COLLECTIONS, agent)).isEqualTo(2);
        assertThat(portfolio.scatter("EUR", IN_COLLECTIONS, agent, 1)).hasSize(1);
    }

    @Test
    void agentsTableAddsUpAccountsBalanceAndStatuses() {
        AgentLoad load = portfolio.agents().stream().filter(l -> agent.equals(l.agent())).findFirst().orElseThrow();

        assertThat(load.accounts()).isEqualTo(3);
        assertThat(load.balanceByCurrency().get("EUR")).isEqualByComparingTo("1000");
        assertThat(load.byStatus()).containsEntry(CollectionStatus.ESCALATED, 1L).containsEntry(CollectionStatus.GOOD_STANDING, 1L);
    }

    @Test
    void assignedAccountsListTheLongestOverdueFirst() {
        assertThat(portfolio.assignedTo(agent, 10)).extracting(AssignedAccount::name, AssignedAccount::daysPastDue)
                .containsExactly(tuple("Ancient GmbH", 100L),
                        tuple("Late Ltd", 45L),
                        tuple("Current Co", null));
    }

    private Account account(String name, String status, String amount, int daysPastDue) {
        Account account = accounts.upsert("PF-" + UUID.randomUUID(),
                new AccountDetails(name, null, null, "en", "UTC", "EUR", null)).account();
        invoice(account, amount, daysPastDue);
        accounts.assignAgent(account.getId(), agent);
        accounts.changeCollectionStatus(account.getId(), status);
        return account;
    }

    private void invoice(Account account, String amount, int daysPastDue) {
        LocalDate due = today.minusDays(daysPastDue);
        invoices.upsert(new InvoiceCommand("PF-INV-" + UUID.randomUUID(), account.getExternalId(), "N-" + UUID.randomUUID(),
                due.minusDays(14), due, "EUR", new BigDecimal(amount), null, null));
    }
}
