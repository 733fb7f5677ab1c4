package io.dunwell.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.dunwell.account.AccountService;
import io.dunwell.bulk.BulkActions;
import io.dunwell.agent.Agents;
import io.dunwell.dunning.CaseProgress;
import io.dunwell.dunning.DunningCases;
import io.dunwell.dunning.DunningSchedule;
import io.dunwell.followup.FollowUpTasks;
import io.dunwell.invoice.InvoiceBrowser;
import io.dunwell.invoice.InvoiceService;
import io.dunwell.invoice.Receivables;
import io.dunwell.notes.Notes;
import io.dunwell.notification.FailedNotices;
import io.dunwell.notification.MailOutages;
import io.dunwell.notes.NotesSliceConfiguration;
import io.dunwell.payment.PaymentService;
import io.dunwell.promise.Promises;
import io.dunwell.reporting.KeyMetrics;
import io.dunwell.reporting.Portfolio;
import io.dunwell.settings.ConsoleSettings;
import io.dunwell.settings.TemplatePreviews;
import io.dunwell.system.security.ConsoleSliceSecurity;
import io.dunwell.timeline.Timeline;

/**
 * A {@code @WebMvcTest} of the console's controllers (io.dunwell.web and the notes' two) behind the
 * application's real security configuration, with every collaborator a Mockito mock. All console
 * controllers share this one definition, so every {@code XControllerTests} runs in the same cached
 * slice context instead of building one per controller. The controllers are named, so a new
 * controller elsewhere does not break this slice; it gets a slice of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {AccountListController.class, AccountPageController.class, AgentsController.class, BulkActionsController.class,
        DashboardController.class, InvoicesController.class, LoginController.class, MailController.class, MailOutageController.class,
        SettingsController.class},
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.dunwell\\.notes\\.Notes(Export)?Controller"))
@Import({ConsoleSliceSecurity.class, ConsoleSliceConfiguration.class, NotesSliceConfiguration.class})
@MockitoBean(types = {IdentityService.class, AccountsInCollections.class, AgentDirectory.class, ConsoleSettings.class,
        AccountService.class, Receivables.class, PaymentService.class, Promises.class, Timeline.class, DunningCases.class,
        CaseProgress.class, Agents.class, Portfolio.class, KeyMetrics.class, DashboardBuckets.class, InvoiceBrowser.class,
        InvoiceService.class, DunningSchedule.class, TemplatePreviews.class, Notes.class, BulkActions.class,
        FollowUpTasks.class, MailOutages.class, FailedNotices.class})
public @interface ConsoleWebMvcTest {
}
