package io.dunwell.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.dunwell.notification.MailCatcher;

class MailCatcherTests {

    private final ApplicationContextRunner demo = new ApplicationContextRunner()
            .withUserConfiguration(MailCatcherConfiguration.class)
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withPropertyValues("dunwell.demo.enabled=true");

    private GreenMail server;
    private JavaMailSenderImpl sender;

    @BeforeEach
    void startServer() throws IOException {
        server = new GreenMail(new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(server.getSmtp().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void showsEachMailSentOverSmtpOnceNewestFirst() throws Exception {
        SimpleMailMessage reminder = new SimpleMailMessage();
        reminder.setFrom("collections@dunwell.local");
        reminder.setTo("ap.northwind@example.com", "cfo.northwind@example.com");
        reminder.setSubject("Reminder: invoice INV-2506-0001 is past due");
        reminder.setText("Please pay USD 1,249.00.");
        sender.send(reminder);
        server.waitForIncomingEmail(5_000, 2);
        // receipt times are in milliseconds: let the clock tick once so the two mails cannot tie
        for (long now = System.currentTimeMillis(); System.currentTimeMillis() == now; ) {
            Thread.onSpinWait();
        }
        sender.send(finalNotice());

        var messages = new MailCatcher(server).messages();

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).subject()).isEqualTo("Final notice");
        assertThat(messages.get(0).text()).isEqualTo("Your statement is attached.");
        assertThat(messages.get(0).html()).isEqualTo("<p>Your statement is <b>attached</b>.</p>");
        assertThat(messages.get(0).attachments()).containsExactly("statement.pdf");
        assertThat(messages.get(1).from()).isEqualTo("collections@dunwell.local");
        assertThat(messages.get(1).to()).containsExactly("ap.northwind@example.com", "cfo.northwind@example.com");
        assertThat(messages.get(1).text()).isEqualTo("Please pay USD 1,249.00.");
        assertThat(messages.get(1).html()).isNull();
        assertThat(messages.get(1).receivedAt()).isBefore(messages.get(0).receivedAt());
        assertThat(new MailCatcher(server).message(messages.get(1).id())).contains(messages.get(1));
    }

    @Test
    void catchesMailWhereSpringMailSends() throws IOException {
        demo.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + freePort())
                .run(context -> assertThat(context.getBean(GreenMail.class).isRunning()).isTrue());
    }

    @Test
    void aTakenPortStopsTheStartWithOneClearLineAndWhatToDo() throws IOException {
        try (ServerSocket otherDemo = new ServerSocket(0)) {
            demo.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + otherDemo.getLocalPort()).run(context -> {
                assertThat(context).hasFailed();
                Throwable failure = context.getStartupFailure();
                FailureAnalysis analysis = new MailCatcherPortTakenAnalyzer().analyze(failure);
                assertThat(analysis.getDescription()).isEqualTo("The demo's mail catcher cannot listen on localhost:"
                        + otherDemo.getLocalPort() + ": the port is taken (is another Dunwell demo running?).");
                assertThat(analysis.getAction()).contains("--spring.mail.port=");
            });
        }
    }

    @Test
    void staysOffWhenMailGoesToAnotherServer() {
        demo.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=587")
                .run(context -> assertThat(context).doesNotHaveBean(MailCatcher.class).doesNotHaveBean(GreenMail.class));
    }

    @Test
    void staysOffWhenSwitchedOff() {
        demo.withPropertyValues("spring.mail.host=localhost", "dunwell.demo.mail-catcher.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class));
    }

    private MimeMessage finalNotice() throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("collections@dunwell.local");
        helper.setTo("ap.northwind@example.com");
        helper.setSubject("Final notice");
        helper.setText("Your statement is attached.", "<p>Your statement is <b>attached</b>.</p>");
        helper.addAttachment("statement.pdf", new ByteArrayResource(new byte[] {'%', 'P', 'D', 'F'}), "application/pdf");
        return message;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
