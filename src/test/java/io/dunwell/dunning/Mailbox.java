package io.dunwell.dunning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server where the test profile's {@code spring.mail} points (GreenMail), read by
 * recipient: what one customer received, oldest first.
 */
public class Mailbox {

    /**
     * A free port found once per test JVM (or {@code -Ddunwell.test.smtp-port=…}), so that a build
     * never fights a running demo's mail catcher or another build; the test contexts point
     * {@code spring.mail.port} here (see EmbeddedPostgresInitializer).
     */
    public static final int PORT = Integer.getInteger("dunwell.test.smtp-port", freePort());

    private GreenMail smtp;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the test SMTP server", e);
        }
    }

    /** Starts the server; call {@link #stop()} after the test. */
    public static Mailbox start() {
        Mailbox mailbox = new Mailbox();
        mailbox.up();
        return mailbox;
    }

    /** The server goes down, as in an outage; {@link #up()} brings a new one back on the same port. */
    public void stop() {
        smtp.stop();
    }

    public void up() {
        smtp = new GreenMail(ServerSetupTest.SMTP.port(PORT));
        smtp.start();
    }

    public List<MimeMessage> all() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    public List<MimeMessage> to(String address) {
        return all().stream().filter(mail -> recipients(mail).contains(address)).toList();
    }

    public List<String> subjectsTo(String address) {
        return to(address).stream().map(Mailbox::subject).toList();
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
