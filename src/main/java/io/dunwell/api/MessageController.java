package io.dunwell.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dunwell.account.Accounts;
import io.dunwell.notification.FailedNotices;
import io.dunwell.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages")
class MessageController {

    private final Accounts accounts;
    private final Notifications notifications;
    private final FailedNotices failedNotices;

    MessageController(Accounts accounts, Notifications notifications, FailedNotices failedNotices) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.failedNotices = failedNotices;
    }

    @GetMapping
    @Operation(summary = "The outbox of an account: every notice with template, channel, recipient, status and sent time, oldest first")
    List<MessageResponse> list(@RequestParam String accountId) {
        Long id = accounts.require(accountId).getId();
        return notifications.messagesOf(id).stream().map(MessageResponse::of).toList();
    }

    @PostMapping("/retry-failed")
    @Operation(summary = "Retry every mail whose sending step ran out of retries (an incident each, e.g. after a long SMTP outage):"
            + " each starts its back-off again and runs now; still sent only once. Answers how many were retried")
    RetriedMessages retryFailed() {
        return new RetriedMessages(failedNotices.retryAll());
    }
}
