package io.dunwell.system.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application's real security filter chains and role hierarchy for web slice tests; the
 * Camunda IdentityService they sign in against is a mock there (see ConsoleWebMvcTest).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, SignedInRoles.class})
public class ConsoleSliceSecurity {
}
