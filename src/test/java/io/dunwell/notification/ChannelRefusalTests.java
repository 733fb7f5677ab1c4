package io.dunwell.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** An SMS or voice provider that is down is an outage like the SMTP server's: a counted attempt, then a retry that sends it once. */
class ChannelRefusalTests {

    final Instant now = Instant.parse("2026-12-07T10:00:00Z");
    final OutboxRepository messages = mock(OutboxRepository.class);
    final ChannelProvider provider = mock(ChannelProvider.class);
    final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Outbox outbox = new Outbox(messages, mock(MailDelivery.class), provider, mock(OutboxTimeline.class),
            Clock.fixed(now, ZoneOffset.UTC), transactions,
            new NotificationMetrics(meters, messages, mock(SmtpHealthIndicator.class), Clock.fixed(now, ZoneOffset.UTC)));
    final OutboxMessage sms = new OutboxMessage("bulk-1:sms", Draft.text(7L, ChannelProvider.SMS, "+4930123", "Please pay"),
            OutboxMessage.SENT_BY_OUTBOX, now, now);

    @Test
    void anSmsTheProviderRefusedStaysPendingWithTheAttemptCountedAndTheRetrySendsItOnce() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        when(messages.lock(1L)).thenReturn(Optional.of(sms));
        when(provider.name()).thenReturn("acme");
        when(provider.send(ChannelProvider.SMS, "+4930123", "Please pay"))
                .thenThrow(new IllegalStateException("provider unreachable")).thenReturn("acme-42");

        assertThatThrownBy(() -> outbox.send(1L)).hasMessage("provider unreachable");
        assertThat(sms.getStatus()).isEqualTo(OutboxMessage.PENDING);
        assertThat(sms.getAttempts()).isEqualTo(1);
        assertThat(sms.getLastError()).isEqualTo("provider unreachable");

        outbox.send(1L);
        outbox.send(1L);

        verify(provider, times(2)).send(ChannelProvider.SMS, "+4930123", "Please pay");
        assertThat(sms.getStatus()).isEqualTo(OutboxMessage.SENT);
        assertThat(sms.getAttempts()).isEqualTo(2);
        assertThat(sms.getProvider()).isEqualTo("acme");
        assertThat(sms.getProviderId()).isEqualTo("acme-42");
        assertThat(sms.getSentAt()).isEqualTo(now);
        assertThat(meters.get(NotificationMetrics.FAILED).tags("channel", "SMS", "template", "none", "reason", "refused")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(NotificationMetrics.SENT).tags("channel", "SMS").counter().count()).isEqualTo(1);
    }
}
