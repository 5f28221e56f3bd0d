package org.ratebook.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Ratebook. With no database configured it runs on an embedded PostgreSQL with demo data. */
@SpringBootApplication(scanBasePackages = "org.ratebook")
@StyleSheet(Lumo.STYLESHEET)
public class RatebookApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // java -jar ratebook.jar verify-bundle FILE: re-derives an audit bundle offline, without the web app or a
        // database (decision 024)
        if (args.length > 0 && "verify-bundle".equals(args[0])) {
            System.exit(org.ratebook.engine.audit.BundleVerifier.run(args, System.out));
        }
        // Axon 4.12+ checks for updates over the network on start; Ratebook must not phone home.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        // nor advertise AxonIQ Console in a nine-line box at every start
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        SpringApplication.run(RatebookApplication.class, args);
    }
}
