package org.ratebook.engine.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** The role the application connects as at runtime (created by V80 on external databases). */
    public static final String RUNTIME_ROLE = "ratebook_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${ratebook.embedded-db.data-dir:}") String dataDir,
                                             @Value("${ratebook.embedded-db.port:0}") int port,
                                             @Value("${ratebook.embedded-db.durable:}") String durableSetting,
                                             @Value("${ratebook.embedded-db.preload-libraries:}") String preload) {
        boolean durable = durableSetting.isBlank() ? !dataDir.isBlank() : Boolean.parseBoolean(durableSetting);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durable) {
                // later -c options override zonky's -F
                builder.setServerConfig("fsync", "on");
                builder.setServerConfig("synchronous_commit", "on");
            }
            if (!preload.isBlank()) {
                // e.g. pg_stat_statements, which the billing-at-scale benchmark counts statements with
                builder.setServerConfig("shared_preload_libraries", preload);
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

    /**
     * The application's runtime connection: {@code ratebook_app}, which is not a superuser, cannot bypass
     * Row-Level Security and owns no table (decision 018). The role is created here, before Flyway runs, so
     * the pool can sign in as it; the cluster trusts local connections, so it needs no password.
     */
    @Bean
    @Primary
    public DataSource dataSource(EmbeddedPostgres postgres) {
        createRuntimeRole(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(RUNTIME_ROLE, "postgres"));
        dataSource.setUsername(RUNTIME_ROLE);
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("ratebook-embedded");
        return dataSource;
    }

    /** Migrations run as the cluster's superuser, which owns the tables and creates the roles. */
    @Bean
    @FlywayDataSource
    public DataSource flywayDataSource(EmbeddedPostgres postgres) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.getJdbcUrl("postgres", "postgres"));
    }

    private static void createRuntimeRole(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$
                    BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ratebook_app') THEN
                            CREATE ROLE ratebook_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                        ELSE
                            ALTER ROLE ratebook_app LOGIN;
                        END IF;
                    END
                    $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the runtime role " + RUNTIME_ROLE, e);
        }
    }
}
