package org.ratebook.console.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * On the first start, creates the demo tenant: the default rule pack, an API key, a console login, one
 * customer on the Pro plan and its first invoice. The key and the password are printed once and written to
 * {@code demo-credentials.txt} beside the data, because only their hashes are stored.
 */
@Component
@ConditionalOnProperty(name = "ratebook.demo.enabled", havingValue = "true")
public class DemoData {

    public static final TenantId DEMO = TenantId.of("demo");
    public static final String ANALYST = "analyst";
    public static final String AUDITOR = "auditor";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantRegistry tenants;
    private final RulePackImports packs;
    private final ApiKeys apiKeys;
    private final ConsoleUsers users;
    private final PasswordEncoder passwords;
    private final CommandGateway commands;
    private final BillingRun billingRun;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path dataDir;
    private final DemoBusiness business;

    public DemoData(TenantRegistry tenants, RulePackImports packs, ApiKeys apiKeys, ConsoleUsers users,
                    PasswordEncoder passwords, CommandGateway commands, BillingRun billingRun,
                    TransactionTemplate transactions, Clock clock, @Value("${ratebook.data-dir}") Path dataDir,
                    DemoBusiness business) {
        this.business = business;
        this.tenants = tenants;
        this.packs = packs;
        this.apiKeys = apiKeys;
        this.users = users;
        this.passwords = passwords;
        this.commands = commands;
        this.billingRun = billingRun;
        this.transactions = transactions;
        this.clock = clock;
        this.dataDir = dataDir;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) throws IOException {
        String url = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
        Path credentials = dataDir.resolve("demo-credentials.txt");
        if (tenants.find(DEMO).isPresent()) {
            log.info("Ratebook is running at {} (demo tenant exists; its API key and console login are in {})",
                    url, credentials);
            return;
        }
        String password = randomPassword();
        String auditorPassword = randomPassword(); // the demo auditor: reads everything, changes nothing
        String apiKey = transactions.execute(status -> {
            // a sandbox, so a visitor can advance its clock and watch the next months being billed
            tenants.createSandbox(new Tenant(DEMO, "Demo Hosting GmbH", List.of("Rechenzentrumstr. 1",
                    "10115 Berlin", "Germany"), "DE123456789"), business.clockStart());
            users.create(new ConsoleUser(DEMO, ANALYST, passwords.encode(password), "ANALYST"));
            users.create(new ConsoleUser(DEMO, AUDITOR, passwords.encode(auditorPassword), "AUDITOR"));
            packs.importShipped(DEMO, DemoBusiness.PACK, LocalDate.of(2000, 1, 1));
            return apiKeys.issue(DEMO, "demo");
        });

        int issued;
        try {
            issued = business.seed(DEMO); // the customers, months of invoices and payments (DemoBusiness)
        } catch (RuntimeException e) {
            // e.g. the rules' time bound on a machine too busy to decide in time: the demo tenant and its
            // credentials must not be lost for that (they are committed already); the next billing run bills it
            log.warn("The demo's business was not fully seeded ({}); the next billing run issues what is due",
                    e.toString());
            issued = 0;
        }

        Files.createDirectories(dataDir);
        Files.writeString(credentials, """
                # Ratebook demo tenant, created %s. Shown once: only hashes are stored.
                console_url=%s
                console_user=%s
                console_password=%s
                api_key=%s
                auditor_user=%s
                auditor_password=%s
                """.formatted(LocalDate.now(clock), url, ANALYST, password, apiKey, AUDITOR, auditorPassword));
        log.info("""

                ==================================================================
                 Ratebook is running at {}
                 Demo tenant 'demo' created with {} invoice(s).
                 Console login: {} / {}  (auditor, read-only: {} / {})
                 API key:       {}
                 (also written to {})
                 Try: curl -H 'X-Api-Key: {}' {}/api/v1/invoices
                ==================================================================""",
                url, issued, ANALYST, password, AUDITOR, auditorPassword, apiKey, credentials, apiKey, url);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
