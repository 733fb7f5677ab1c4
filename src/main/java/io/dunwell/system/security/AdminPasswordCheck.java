package io.dunwell.system.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without an admin password. Spring Boot binds a placeholder it cannot resolve,
 * such as the postgres profile's {@code ${DUNWELL_ADMIN_PASSWORD}}, as its literal text: without
 * this check the engine would create the admin with that text as the password. Runs as a bean
 * factory post-processor, so before the engine exists.
 */
@Component
class AdminPasswordCheck implements BeanFactoryPostProcessor {

    static final String PROPERTY = "camunda.bpm.admin-user.password";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Environment environment = beanFactory.getBean(Environment.class);
        String password;
        try {
            password = environment.getProperty(PROPERTY);
        } catch (IllegalArgumentException unresolvable) {
            throw new IllegalStateException(PROPERTY + " names a variable that is not set: " + unresolvable.getMessage(), unresolvable);
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set; in the postgres profile set DUNWELL_ADMIN_PASSWORD");
        }
    }
}
