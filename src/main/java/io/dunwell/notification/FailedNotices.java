package io.dunwell.notification;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * The mails whose process step ran out of retries: each is a job without retries and an incident
 * in Cockpit. A step sends mail when its model says it retries by {@link MailRetry#EXPRESSION} —
 * so a new mail-sending step, in any model, is known here without a list of task ids to keep.
 */
@Service
public class FailedNotices {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final MailRetry retry;
    private final Clock clock;
    // a deployed definition never changes, so whether one of its activities sends mail is known for good
    private final Map<String, Boolean> mailSteps = new ConcurrentHashMap<>();

    FailedNotices(RuntimeService runtime, RepositoryService repository, ManagementService management, MailRetry retry,
                  Clock clock) {
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.retry = retry;
        this.clock = clock;
    }

    /** How many mail-sending jobs wait with no retries left. */
    public int count() {
        return jobIds().size();
    }

    /**
     * Gives every mail-sending job that ran out of retries the whole back-off again, from its first
     * interval, and runs it at once: its incident is resolved, and the outbox still sends each mail
     * only once. Returns how many jobs were retried.
     */
    public int retryAll() {
        List<String> jobIds = jobIds();
        if (!jobIds.isEmpty()) {
            // due now: the last failure left the job due only after the last interval
            management.setJobRetries(retry.attempts()).jobIds(jobIds).dueDate(Date.from(clock.instant())).execute();
        }
        return jobIds.size();
    }

    private List<String> jobIds() {
        return runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).list().stream()
                .filter(incident -> sendsMail(incident.getProcessDefinitionId(), incident.getActivityId()))
                .map(Incident::getConfiguration)
                .toList();
    }

    private boolean sendsMail(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null) {
            return false;
        }
        return mailSteps.computeIfAbsent(processDefinitionId + "/" + activityId, key -> {
            ModelElementInstance element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
            if (!(element instanceof Activity activity) || activity.getExtensionElements() == null) {
                return false;
            }
            CamundaFailedJobRetryTimeCycle cycle = activity.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream().findFirst().orElse(null);
            return cycle != null && MailRetry.EXPRESSION.equals(cycle.getTextContent().trim());
        });
    }
}
