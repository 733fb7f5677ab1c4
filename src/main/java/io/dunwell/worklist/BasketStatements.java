package io.dunwell.worklist;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.notification.Notifications;
import io.dunwell.notification.Outbox;
import io.dunwell.notification.OutboxMessage;
import io.dunwell.system.BadRequestException;

/**
 * Mails every account in a basket its statement of account (the open items as a PDF) through the
 * outbox. The messages are written in one transaction, keyed by basket, request and account, then
 * sent one by one: a double click or a retry of the same request finds the same messages and sends
 * only those not sent yet, so each customer gets one mail per request.
 */
@Service
public class BasketStatements {

    public static final String TEMPLATE = "account-statement";
    static final int MAX_REQUEST_ID = 100;

    /** How the request went: messages written, mailed now, and left unsent (no address, or SMTP refused: the outbox sends it later, see OutboxSweep). */
    public record Mailed(int queued, int sent, int notSent) {
    }

    private final Baskets baskets;
    private final Notifications notifications;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    BasketStatements(Baskets baskets, Notifications notifications, Outbox outbox,
                     PlatformTransactionManager transactions) {
        this.baskets = baskets;
        this.notifications = notifications;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Mailed email(Long basketId, String requestId, String user, boolean supervisor) {
        // whose basket it is first: someone else's learns nothing from the validation
        Basket basket = baskets.require(basketId);
        Baskets.checkMayWork(basket, user, supervisor);
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID) {
            throw new BadRequestException("requestId", "Send an id for this request (up to " + MAX_REQUEST_ID
                    + " characters), the same one when you retry it");
        }
        List<OutboxMessage> messages = transaction.execute(status -> basket.accountIds().stream().distinct()
                .map(accountId -> notifications.enqueueOutsideProcess(accountId, TEMPLATE,
                        "basket-" + basketId + ":statement:" + requestId.trim() + ":" + accountId, Map.of(), true))
                .toList());
        int sent = 0;
        for (OutboxMessage message : messages) {
            sent += message.isSent() || outbox.trySend(message.getId()) ? 1 : 0;
        }
        return new Mailed(messages.size(), sent, messages.size() - sent);
    }
}
