package io.dunwell.followup;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.notification.StaffMail;

/**
 * Mail about a follow-up task to one person, sent once. Each mail runs in a transaction of its own
 * that first writes its {@code follow_up_mail} row, then hands the mail to the SMTP server: a
 * refused mail rolls its row back and the job's retry sends it, a sent one is never sent again —
 * not by a retry after the next recipient's mail failed, nor by a second node (its insert waits
 * for the first one's row and then fails on the key).
 */
@Service
class FollowUpMails {

    private final StaffMail mail;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    FollowUpMails(StaffMail mail, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** True when this call sent it, false when it had been sent before. */
    boolean sendOnce(FollowUpTask task, String template, String recipient, Map<String, Object> model) {
        String key = "follow-up:" + task.getId() + ":" + template + ":" + recipient;
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            if (jdbc.queryForObject("select count(*) from follow_up_mail where mail_key = ?", Integer.class, key) > 0) {
                return false;
            }
            jdbc.update("insert into follow_up_mail (mail_key, follow_up_task_id, recipient, sent_at) values (?, ?, ?, ?)",
                    key, task.getId(), recipient, Timestamp.from(clock.instant()));
            mail.send(recipient, template, model, key);
            return true;
        }));
    }
}
