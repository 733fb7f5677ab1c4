package io.dunwell.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SMS and voice go to the development provider unless the application declares a real {@link ChannelProvider}. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    @ConditionalOnMissingBean(ChannelProvider.class)
    DevelopmentChannelProvider developmentChannelProvider(JdbcClient jdbc, Clock clock) {
        return new DevelopmentChannelProvider(jdbc, clock);
    }
}
