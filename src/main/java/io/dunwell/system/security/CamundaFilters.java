package io.dunwell.system.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * /engine-rest is open in the stock starter. Spring Security checks the HTTP Basic password
     * (with the console's throttle); this filter hands that user and their groups to the engine,
     * so its authorizations apply and the steps a request runs know who did it.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(100);
        return registration;
    }

    /** Before the engine sees a request, and after Spring Security signed its user in: a stranger's body is never read. */
    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(EngineTasks tasks, @Value("${dunwell.api.max-body-bytes}") long maxBodyBytes) {
        var registration = new FilterRegistrationBean<>(new EngineRestGuard(tasks, maxBodyBytes));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(99);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappCsrfGuard> webappCsrfGuard() {
        var registration = new FilterRegistrationBean<>(new WebappCsrfGuard());
        registration.addUrlPatterns("/camunda/*");
        // before the engine guard: a forged write learns nothing, not even whether its task exists
        registration.setOrder(97);
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
