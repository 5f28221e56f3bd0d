package org.ratebook.console.api.limits;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.time.LocalDate;

/** Registers the API's front door ahead of Spring Security, and bounded dates for query parameters. */
@Configuration(proxyBeanMethods = false)
class ApiEdgeConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<ApiEdgeFilter> apiEdgeFilter(
            @Qualifier("requestMappingHandlerMapping") HandlerMapping endpoints) {
        FilterRegistrationBean<ApiEdgeFilter> registration = new FilterRegistrationBean<>(new ApiEdgeFilter(endpoints));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setName("apiEdgeFilter");
        return registration;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class,
                text -> text == null || text.isBlank() ? null : InputLimits.date("date", LocalDate.parse(text.strip())));
        // an ISO instant, or epoch milliseconds as Spring accepts by default; Long.MIN_VALUE was a 500
        registry.addConverter(String.class, Instant.class, text -> {
            if (text == null || text.isBlank()) {
                return null;
            }
            String t = text.strip();
            return InputLimits.instant("time", t.matches("-?\\d{1,19}") ? Instant.ofEpochMilli(Long.parseLong(t))
                    : Instant.parse(t));
        });
    }
}
