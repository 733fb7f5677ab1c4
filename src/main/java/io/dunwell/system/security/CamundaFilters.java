package io.dunwell.system.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Servlet filters in front of the engine's REST API and the Camunda webapps. They run after
 * Spring Security's chain (order -100), so the webapps see the user Spring Security signed in,
 * and before the filters of Camunda's webapp initializer (lowest precedence).
 */
@Configuration(proxyBeanMethods = false)
class CamundaFilters {

    /** /engine-rest is open in the stock starter; Camunda Run protects it like this. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(100);
        return registration;
    }

    /** Just before Camunda checks a Basic password: a throttled attempt gets its 429 unchecked. */
    @Bean
    FilterRegistrationBean<EngineRestSignInThrottle> engineRestSignInThrottle(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new EngineRestSignInThrottle(throttle));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(99);
        return registration;
    }

    /** After authentication: a stranger's request body is not worth reading. */
    @Bean
    FilterRegistrationBean<ExpressionInOrQueriesFilter> expressionInOrQueries() {
        var registration = new FilterRegistrationBean<>(new ExpressionInOrQueriesFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(102);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapp-single-sign-on");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityContainerAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }
}
