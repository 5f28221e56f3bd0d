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
import org.ratebook.console.operator.OperatorBootstrap;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Scope;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On the first start, creates the demo tenant: the default rule pack, an admin, an analyst, an approver and an
 * auditor, API keys for the analyst, the approver and the admin, one
 * customer on the Pro plan and its first invoice. Keys and passwords are printed once and written to
 * {@code demo-credentials.txt} beside the data, because only their hashes are stored.
 */
@Component
@ConditionalOnProperty(name = "ratebook.demo.enabled", havingValue = "true")
public class DemoData {

    public static final TenantId DEMO = TenantId.of("demo");
    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String APPROVER = "approver";
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
    private final OperatorBootstrap operator;
    /** Whether the demo tenant gets DemoBusiness's customers and months of history (false: an empty sandbox). */
    private final boolean withCustomers;

    public DemoData(TenantRegistry tenants, RulePackImports packs, ApiKeys apiKeys, ConsoleUsers users,
                    PasswordEncoder passwords, CommandGateway commands, BillingRun billingRun,
                    TransactionTemplate transactions, Clock clock, @Value("${ratebook.data-dir}") Path dataDir,
                    DemoBusiness business, OperatorBootstrap operator,
                    @Value("${ratebook.demo.customers:true}") boolean withCustomers) {
        this.business = business;
        this.withCustomers = withCustomers;
        this.operator = operator;
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
            log.info("Ratebook is running at {} (demo tenant exists; its API keys and console logins are in {})",
                    url, credentials);
            return;
        }
        Map<String, String> passwordsByUser = new LinkedHashMap<>();
        for (String user : List.of(ADMIN, ANALYST, APPROVER, AUDITOR)) {
            passwordsByUser.put(user, OperatorBootstrap.randomPassword());
        }
        Map<String, String> keys = transactions.execute(status -> {
            // a sandbox, so a visitor can advance its clock and watch the next months being billed
            tenants.createSandbox(new Tenant(DEMO, "Demo Hosting GmbH", List.of("Rechenzentrumstr. 1",
                    "10115 Berlin", "Germany"), "DE123456789"), business.clockStart());
            users.create(new ConsoleUser(DEMO, ADMIN, passwords.encode(passwordsByUser.get(ADMIN)),
                    Set.of(Role.TENANT_ADMIN), true));
            users.create(new ConsoleUser(DEMO, ANALYST, passwords.encode(passwordsByUser.get(ANALYST)),
                    Set.of(Role.ANALYST), true));
            users.create(new ConsoleUser(DEMO, APPROVER, passwords.encode(passwordsByUser.get(APPROVER)),
                    Set.of(Role.APPROVER), true));
            users.create(new ConsoleUser(DEMO, AUDITOR, passwords.encode(passwordsByUser.get(AUDITOR)),
                    Set.of(Role.AUDITOR), true));
            packs.importShipped(DEMO, DemoBusiness.PACK, LocalDate.of(2000, 1, 1));
            Map<String, String> issued = new LinkedHashMap<>();
            // each key belongs to a person, so four eyes hold whether they use the console or the key
            issued.put("api_key", apiKeys.issue(DEMO, new ApiKeys.NewKey("analyst's key", Scope.of(Role.ANALYST),
                    null, ANALYST)).key());
            issued.put("approver_api_key", apiKeys.issue(DEMO, new ApiKeys.NewKey("approver's key",
                    Scope.of(Role.APPROVER), null, APPROVER)).key());
            issued.put("admin_api_key", apiKeys.issue(DEMO, new ApiKeys.NewKey("admin's key",
                    Scope.of(Role.TENANT_ADMIN), null, ADMIN)).key());
            return issued;
        });

        int issued = 0;
        try {
            if (withCustomers) { // the customers, months of invoices and payments (DemoBusiness)
                issued = business.seed(DEMO);
            }
        } catch (RuntimeException e) {
            // e.g. the rules' time bound on a machine too busy to decide in time: the demo tenant and its
            // credentials must not be lost for that (they are committed already); the next billing run bills it
            log.warn("The demo's business was not fully seeded ({}); the next billing run issues what is due",
                    e.toString());
            issued = 0;
        }

        StringBuilder file = new StringBuilder("# Ratebook demo tenant, created " + LocalDate.now(clock)
                + ". Shown once: only hashes are stored.\n");
        file.append("console_url=").append(url).append('\n');
        // console_user/console_password: the analyst, as before people had roles
        file.append("console_user=").append(ANALYST).append('\n');
        file.append("console_password=").append(passwordsByUser.get(ANALYST)).append('\n');
        passwordsByUser.forEach((user, password) -> file.append(user).append("_user=").append(user).append('\n')
                .append(user).append("_password=").append(password).append('\n'));
        keys.forEach((name, key) -> file.append(name).append('=').append(key).append('\n'));
        operator.generated().forEach((name, value) -> file.append(name).append('=').append(value).append('\n'));
        Files.createDirectories(dataDir);
        Files.writeString(credentials, file);
        log.info("""

                ==================================================================
                 Ratebook is running at {}
                 Demo tenant 'demo' created with {} invoice(s).
                 Console logins (user / password): {}
                 API keys: analyst {}  approver {}  admin {}
                 (also written to {})
                 Try: curl -H 'X-Api-Key: {}' {}/api/v1/invoices
                ==================================================================""",
                url, issued, passwordsByUser, keys.get("api_key"), keys.get("approver_api_key"),
                keys.get("admin_api_key"), credentials, keys.get("api_key"), url);
    }
}
