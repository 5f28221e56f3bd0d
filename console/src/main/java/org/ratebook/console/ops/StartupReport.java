package org.ratebook.console.ops;

import org.flywaydb.core.Flyway;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The few lines an operator reads after a start: where Ratebook answers, in which mode, on which database and
 * schema version, how many tenants, and where the demo credentials are (if any). Everything else at start-up
 * logs at WARN or above (application.yml), so these lines are not buried.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger("org.ratebook.Ratebook");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private final Environment environment;
    private final TenantRegistry tenants;
    private final ObjectProvider<Flyway> flyway;
    private final Path dataDir;

    StartupReport(Environment environment, TenantRegistry tenants, ObjectProvider<Flyway> flyway,
                  @Value("${ratebook.data-dir}") Path dataDir) {
        this.environment = environment;
        this.tenants = tenants;
        this.flyway = flyway;
        this.dataDir = dataDir;
    }

    @EventListener
    @Order(0) // before the demo tenant's banner, which may add a tenant and print its credentials
    public void onReady(ApplicationReadyEvent event) {
        String url = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
        String[] profiles = environment.getActiveProfiles();
        String database = environment.getProperty("spring.datasource.url", "");
        String schema = flyway.stream().findFirst().map(f -> f.info().current())
                .map(m -> "schema version " + m.getVersion()).orElse("schema unknown");
        boolean demo = environment.getProperty("ratebook.demo.enabled", Boolean.class, false);
        log.info("""
                Ratebook is up at {}
                  mode:        {} (Vaadin), Spring profiles: {}, demo tenant {}
                  database:    {}, {}
                  tenants:     {}
                  credentials: {}""",
                url, vaadinProductionMode() ? "production mode" : "development mode",
                profiles.length == 0 ? "default" : String.join(",", Arrays.asList(profiles)), demo ? "on" : "off",
                database.isBlank() ? "embedded PostgreSQL, data in "
                        + environment.getProperty("ratebook.embedded-db.data-dir", "(temporary)")
                        : PASSWORD.matcher(database).replaceAll("$1***"),
                schema, tenants.all().size(),
                demo ? "demo tenant's in " + dataDir.resolve("demo-credentials.txt").toAbsolutePath()
                        : "no demo tenant; console users and API keys come from the operator");
    }

    /** What Vaadin reads too: the production build writes its token (with productionMode) into the jar only. */
    static boolean vaadinProductionMode() {
        ClassPathResource token = new ClassPathResource("META-INF/VAADIN/config/flow-build-info.json");
        if (!token.exists()) {
            return false;
        }
        try (InputStream in = token.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .matches("(?s).*\"productionMode\"\\s*:\\s*true.*");
        } catch (IOException e) {
            return false;
        }
    }
}
