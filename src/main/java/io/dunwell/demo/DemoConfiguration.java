package io.dunwell.demo;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.dunwell.account.Accounts;
import io.dunwell.agent.EscalationPoints;
import io.dunwell.dunning.DelinquentAccounts;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.DunningRun;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.invoice.CreditNotes;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.notification.MailCatcher;
import io.dunwell.payment.Payments;
import io.dunwell.worklist.Baskets;

/**
 * The demo a newcomer gets from {@code mvn spring-boot:run}. On application ready, in this
 * order: IdentityBootstrap's groups, the demo users, the demo data, the banner.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("dunwell.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    DemoUsers demoUsers(IdentityService identity, EscalationPoints escalationPoints, DemoProperties properties) {
        return new DemoUsers(identity, escalationPoints, properties);
    }

    @Bean
    DemoData demoData(Accounts accounts, Invoices invoices, Payments payments,
                      CreditNotes creditNotes, PlatformTransactionManager transactionManager, Clock clock,
                      DemoProperties properties) {
        return new DemoData(accounts, invoices, payments, creditNotes, transactionManager, clock, properties);
    }

    @Bean
    DemoJourneys demoJourneys(Accounts accounts, Receivables receivables, DelinquentAccounts delinquent, DunningRun run,
                              DunningCases cases, RuntimeService runtime, TaskService tasks, IdentityService identity,
                              JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new DemoJourneys(accounts, receivables, delinquent, run, cases, runtime, tasks, identity, jdbc, transactions, clock);
    }

    @Bean
    DemoFollowUps demoFollowUps(FollowUpTasks followUps, Accounts accounts, JdbcClient jdbc, Clock clock) {
        return new DemoFollowUps(followUps, accounts, jdbc, clock);
    }

    @Bean
    DemoBaskets demoBaskets(Baskets baskets, JdbcClient jdbc, Clock clock) {
        return new DemoBaskets(baskets, jdbc, clock);
    }

    @Bean
    DemoBanner demoBanner(CamundaBpmProperties camunda, DemoProperties properties,
                          ObjectProvider<MailCatcher> mailCatcher) {
        return new DemoBanner(camunda.getAdminUser(), properties, mailCatcher);
    }
}
