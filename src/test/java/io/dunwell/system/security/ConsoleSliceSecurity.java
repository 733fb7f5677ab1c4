package io.dunwell.system.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application's real security filter chains and role hierarchy for web slice tests; the
 * Camunda IdentityService they sign in against is a mock there (see ConsoleWebMvcTest); the sign-in
 * throttle is the real one, on the slice's clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, SignedInRoles.class, LoginThrottle.class})
public class ConsoleSliceSecurity {
}
