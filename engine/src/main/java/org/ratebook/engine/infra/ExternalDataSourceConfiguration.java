package org.ratebook.engine.infra;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * An external PostgreSQL, selected by {@code SPRING_DATASOURCE_URL} (and {@code _USERNAME}, {@code _PASSWORD};
 * pool settings under {@code spring.datasource.hikari.*}).
 * <p>
 * Declared here rather than left to Boot's auto-configuration because Axon 4's JDBC auto-configuration
 * decides whether to create the event store by looking for a DataSource bean, and orders itself after Boot 3's
 * class names: on Boot 4 it would look before Boot's DataSource exists and silently create no event store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
public class ExternalDataSourceConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(Environment env) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        dataSource.setUsername(env.getProperty("spring.datasource.username"));
        dataSource.setPassword(env.getProperty("spring.datasource.password"));
        dataSource.setPoolName("ratebook");
        return dataSource;
    }
}
