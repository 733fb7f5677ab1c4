package io.dunwell.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.dunwell.account.Accounts;
import io.dunwell.bulk.BulkActions;
import io.dunwell.agent.Agents;
import io.dunwell.dunning.CaseProgress;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.DunningSchedule;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.invoice.InvoiceBrowser;
import io.dunwell.invoice.Invoices;
import io.dunwell.invoice.Receivables;
import io.dunwell.notes.Notes;
import io.dunwell.notes.NotesExport;
import io.dunwell.notification.FailedNotices;
import io.dunwell.notification.MailOutages;
import io.dunwell.payment.Payments;
import io.dunwell.promise.Promises;
import io.dunwell.reporting.AccountsInCollections;
import io.dunwell.reporting.KeyMetrics;
import io.dunwell.reporting.Portfolio;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.TemplatePreviews;
import io.dunwell.system.security.ConsoleSliceSecurity;
import io.dunwell.timeline.Timeline;
import io.dunwell.worklist.BasketStatements;
import io.dunwell.worklist.Baskets;
import io.dunwell.worklist.CollectionSessions;
import io.dunwell.worklist.SessionPromises;

/**
 * A {@code @WebMvcTest} of the console's controllers behind the
 * application's real security configuration, with every collaborator a Mockito mock. All console
 * controllers share this one definition, so every {@code XControllerTests} runs in the same cached
 * slice context instead of building one per controller. The controllers are named, so a new
 * controller elsewhere does not break this slice; {@link EveryConsoleControllerTests} fails when a
 * controller of the console is missing here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {AccountListController.class, AccountPageController.class, AgentsController.class, BulkActionsController.class,
        DashboardController.class, InvoicesController.class, LoginController.class, MailController.class, MailOutageController.class,
        SettingsController.class, NotesController.class, NotesExportController.class, WorklistController.class,
        CollectionSessionController.class, FollowUpSectionController.class})
@Import({ConsoleSliceSecurity.class, ConsoleSliceConfiguration.class})
@MockitoBean(types = {IdentityService.class, AccountsInCollections.class, ConsoleSettings.class,
        Accounts.class, Receivables.class, Payments.class, Promises.class, Timeline.class, DunningCases.class,
        CaseProgress.class, Agents.class, Portfolio.class, KeyMetrics.class, InvoiceBrowser.class,
        Invoices.class, DunningSchedule.class, TemplatePreviews.class, Notes.class, NotesExport.class, BulkActions.class,
        FollowUpTasks.class, Baskets.class, BasketStatements.class, CollectionSessions.class, SessionPromises.class,
        MailOutages.class, FailedNotices.class})
public @interface ConsoleWebMvcTest {
}
