package org.ratebook.engine.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With no {@code spring.datasource.url}, Ratebook starts a real PostgreSQL (zonky embedded binaries, also as
 * root) so the run command and the tests need nothing installed. With {@code ratebook.embedded-db.data-dir}
 * set, the data survives a restart; left empty, a fresh temporary cluster is used and removed on close.
 * Setting {@code SPRING_DATASOURCE_URL} selects an external PostgreSQL and this configuration stays off.
 * <p>
 * zonky starts PostgreSQL for tests: {@code fsync} off ({@code -F}) and {@code synchronous_commit} off, so a
 * commit returns before anything reaches the disk. Where data is kept ({@code data-dir} set), or when
 * {@code ratebook.embedded-db.durable=true} (the ingestion benchmark), both are switched back on: a commit
 * is on disk before it returns, as with a normally configured PostgreSQL. Throw-away test clusters keep
 * zonky's settings for speed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${ratebook.embedded-db.data-dir:}") String dataDir,
                                             @Value("${ratebook.embedded-db.port:0}") int port,
                                             @Value("${ratebook.embedded-db.durable:}") String durableSetting) {
        boolean durable = durableSetting.isBlank() ? !dataDir.isBlank() : Boolean.parseBoolean(durableSetting);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durable) {
                // later -c options override zonky's -F
                builder.setServerConfig("fsync", "on");
                builder.setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            if (!dataDir.isBlank()) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} ({}, {})", postgres.getPort(),
                    dataDir.isBlank() ? "temporary data" : "data in " + Path.of(dataDir).toAbsolutePath(),
                    durable ? "durable commits" : "fsync and synchronous_commit off");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    @Bean
    public DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("ratebook-embedded");
        return dataSource;
    }
}
