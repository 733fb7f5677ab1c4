package io.dunwell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.dunwell.dunning.Mailbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded binaries) for each Spring test context; contexts are
 * cached, so in practice one per test JVM. The server is registered as the context's first
 * disposable bean, so it stops last, after the engine and the connection pool have closed.
 * Tests isolate themselves by unique ids, not by wiping tables.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres postgres = start();
        use(postgres, postgres::close, context);
    }

    /** Points the context at {@code postgres}, and has it run {@code stop} last when it closes. */
    static void use(EmbeddedPostgres postgres, DisposableBean stop, ConfigurableApplicationContext context) {
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedPostgres", stop);
        TestPropertyValues.of(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.mail.port=" + Mailbox.PORT).applyTo(context);
    }

    public static EmbeddedPostgres start() {
        try {
            return builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * A server on {@code port} over a data directory kept between runs, for a benchmark that seeds
     * a large data set once and is rerun against it (and for psql on the same data meanwhile).
     */
    public static EmbeddedPostgres startKeeping(Path dataDirectory, int port) {
        try {
            return builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off");
    }
}
