package io.dunwell.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AdminPasswordCheckTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AdminPasswordCheck.class);

    @Test
    void refusesToStartWhenThePasswordVariableIsNotSet() {
        context.withPropertyValues("camunda.bpm.admin-user.password=${DUNWELL_TEST_UNSET_VARIABLE}")
                .run(started -> assertThat(started).getFailure()
                        .hasMessageContaining("camunda.bpm.admin-user.password")
                        .hasMessageContaining("DUNWELL_TEST_UNSET_VARIABLE"));
    }

    @Test
    void refusesToStartWithoutAPassword() {
        context.run(started -> assertThat(started).hasFailed());
    }

    @Test
    void startsWithAPassword() {
        context.withPropertyValues("camunda.bpm.admin-user.password=s3cret")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
