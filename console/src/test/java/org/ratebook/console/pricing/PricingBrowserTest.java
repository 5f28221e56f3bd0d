package org.ratebook.console.pricing;

import org.ratebook.console.Chromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ratebook.console.security.ConsoleUserDetails;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.rulepack.RulePackAuthoring;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pricing console's journeys in real Chromium, on a sandbox seller of their own (three customers billed in
 * January and February 2027, the default pack as version 1) with an analyst and an approver created here:
 * (1) the analyst raises a price in the grid, sees the seller's scenario fail, fixes it, runs the what-if and
 * submits; (2) the approver compares, approves and publishes from 1 March, and the next billing run prices with
 * it; (3) the analyst cannot approve a change they saved; (4) rules with an unsafe call are refused with the line
 * and a reason. Screenshots of each end state are kept under target/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PricingBrowserTest {

    private static final String PASSWORD = "pricing-journeys-1";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    static final TenantId TENANT = TenantId.of("pricing-" + SUFFIX);
    static final String ANALYST = "analyst-" + SUFFIX;
    static final String APPROVER = "approver-" + SUFFIX;
    private static final Map<String, AccountId> ACCOUNTS = new HashMap<>();
    private static boolean seeded;
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ConsoleUsers users;
    @Autowired PasswordEncoder passwords;
    @Autowired CommandGateway commands;
    @Autowired BillingRun billingRun;
    @Autowired TestClocks testClocks;
    @Autowired InvoiceQueries invoices;
    @Autowired TransactionTemplate transactions;
    @Autowired PricingService pricing;
    @Autowired RulePackAuthoring authoring;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Instant start = Instant.parse("2027-01-05T09:00:00Z");
        transactions.executeWithoutResult(status -> {
            tenants.createSandbox(new Tenant(TENANT, "Pricing Journeys GmbH", List.of("Teststr. 1", "10115 Berlin"),
                    "DE123456789"), start);
            users.create(new ConsoleUser(TENANT, ANALYST, passwords.encode(PASSWORD), "ANALYST"));
            users.create(new ConsoleUser(TENANT, APPROVER, passwords.encode(PASSWORD), "APPROVER"));
        });
        packs.importShipped(TENANT, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        customer("Alpha GmbH", "Pro", 1);
        customer("Beta GmbH", "Pro", 2);
        customer("Gamma GmbH", "Starter", 1);
        billingRun.runAt(TENANT, start);
        testClocks.advance(TENANT, Instant.parse("2027-02-10T09:00:00Z")); // bills 5 February; January is closed
        seeded = true;
    }

    private void customer(String name, String plan, int seats) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(TENANT, account, name, "billing@" + name.charAt(0) + ".example",
                "EUR", "DE", "Europe/Berlin", null, List.of("Weg 1", "80331 München"), null));
        commands.sendAndWait(new CreateSubscriptionCommand(TENANT, SubscriptionId.random(), account, plan, seats, null));
        ACCOUNTS.put(name, account);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private Page signIn(String user) {
        if (playwright == null) {
            Playwright.CreateOptions options = Chromium.playwrightOptions();
            BrowserType.LaunchOptions launch = Chromium.launchOptions();
            playwright = Playwright.create(options);
            browser = playwright.chromium().launch(launch);
        }
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)).newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(user);
        page.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#main-menu")).isVisible();
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Pricing")).click();
        assertThat(page).hasURL(Pattern.compile(".*/pricing$"));
        return page;
    }

    private static void tab(Page page, String name) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name)).click();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/" + name + ".png")).setFullPage(true));
    }

    @Test
    @Order(1)
    void anAnalystRaisesAPriceFixesTheFailingScenarioRunsTheWhatIfAndSubmits() {
        Page page = signIn(ANALYST);
        assertThat(page.locator("#rule-pack-versions")).containsText("v1");

        page.locator("#new-draft").click();
        assertThat(page).hasURL(Pattern.compile(".*/pricing/2$"));
        Locator proPrice = page.getByLabel("price of Pro");
        proPrice.fill("59,00");
        proPrice.press("Tab");
        assertThat(page.locator("#table-grid")).containsText("a cell cannot contain a comma");
        proPrice.fill("59.00");
        proPrice.press("Tab");
        page.locator("#save-draft").click();
        assertThat(page).hasURL(Pattern.compile(".*/pricing/3$"));
        assertThat(page.locator("#pack-message")).containsText("Saved as version 3");

        tab(page, "Scenarios");
        page.locator("#run-scenarios").click();
        assertThat(page.locator("#scenario-summary")).containsText("0 of 1 scenarios pass");
        assertThat(page.locator("#scenario-results")).containsText("EUR 49.00");
        assertThat(page.locator("#scenario-results")).containsText("EUR 59.00");
        Locator editor = page.locator("#scenario-editor textarea");
        editor.fill(editor.inputValue().replace("EUR 49.00", "EUR 59.00"));
        editor.press("Tab");
        page.locator("#run-scenarios").click();
        assertThat(page.locator("#scenario-summary")).containsText("1 of 1 scenarios pass");
        page.locator("#save-scenarios").click();
        assertThat(page.locator("#pack-message")).containsText("Scenarios saved");

        tab(page, "What-if");
        page.locator("#run-what-if").click();
        assertThat(page.locator("#what-if-status")).containsText("Re-priced 3 accounts invoiced 2027-01-01 to 2027-01-31");
        assertThat(page.locator("#what-if-status")).containsText("Impact: +");
        Locator accounts = page.locator("#what-if-accounts");
        assertThat(accounts).containsText("Alpha GmbH");
        assertThat(accounts).containsText("+EUR 10.00");
        assertThat(accounts).containsText("+EUR 20.00");
        assertThat(page.locator("#what-if-impact")).containsText("EUR 166.00"); // 49 + 2 x 49 + 19 invoiced in January
        assertThat(page.locator("#what-if-impact")).containsText("EUR 196.00"); // 59 + 2 x 59 + 19 with version 3

        tab(page, "Approve and publish");
        page.locator("#submit").click();
        assertThat(page.locator("#pack-message")).containsText("Version 3 is submitted: 1 of 1 scenarios pass");
        assertThat(page.locator("#review-scenarios")).containsText("1 of 1 scenarios pass");
        assertThat(page.locator("#review-what-if")).containsText("Impact +18.1 % (EUR 166.00 → 196.00, 3 accounts");
        assertThat(page.locator("#review-changes")).containsText("Pro: price 49.00 → 59.00");
        shot(page, "pricing-1-analyst-submits");
    }

    @Test
    @Order(2)
    void anApproverComparesApprovesAndPublishesAndTheNextBillingRunPricesWithIt() {
        Page page = signIn(APPROVER);
        page.locator("#rule-pack-versions").getByText("v3").click();
        assertThat(page).hasURL(Pattern.compile(".*/pricing/3$"));

        tab(page, "Compare");
        assertThat(page.locator("#diff")).containsText("Pro: price 49.00 → 59.00");

        tab(page, "Approve and publish");
        assertThat(page.locator("#review-changes")).containsText("Pro: price 49.00 → 59.00");
        assertThat(page.locator("#review-scenarios")).containsText("1 of 1 scenarios pass");
        assertThat(page.locator("#review-what-if")).containsText("Impact +18.1 %");
        page.locator("#approve").click();
        assertThat(page.locator("#pack-message")).containsText("Version 3 is approved");

        tab(page, "Approve and publish");
        page.locator("#publish").click();
        assertThat(page.locator("#publish-effect")).containsText(
                "From 1 March 2027, 3 accounts are priced by version 3; what-if impact +18.1 %");
        page.locator("#confirm-publish").click();
        assertThat(page.locator("#pack-message")).containsText("Version 3 prices from 1 March 2027");
        shot(page, "pricing-2-approver-publishes");

        testClocks.advance(TENANT, Instant.parse("2027-03-06T09:00:00Z"));
        // the invoice read model follows the event store a moment later (a tracking processor): wait for it
        java.util.Optional<InvoiceView> found = java.util.Optional.empty();
        for (int tries = 0; tries < 300 && found.isEmpty(); tries++) {
            found = invoices.latest(TENANT, 50).stream()
                    .filter(i -> i.accountId().equals(ACCOUNTS.get("Alpha GmbH").value()))
                    .filter(i -> i.invoiceDate().equals(LocalDate.of(2027, 3, 5))).findFirst();
            if (found.isEmpty()) {
                page.waitForTimeout(100);
            }
        }
        InvoiceView march = found.orElseThrow(() -> new AssertionError("no invoice of 5 March 2027 for Alpha GmbH"));
        assertThat(march.packVersion()).isEqualTo(3);
        assertThat(march.total()).isEqualByComparingTo(new BigDecimal("59.00"));
    }

    @Test
    @Order(3)
    void theAnalystCannotApproveTheirOwnChange() {
        Page page = signIn(ANALYST);
        page.locator("#new-draft").click();
        assertThat(page).hasURL(Pattern.compile(".*/pricing/4$"));
        tab(page, "Approve and publish");
        page.locator("#approve").click();
        assertThat(page.locator("#pack-message")).containsText("You cannot approve version 4: you saved it last, "
                + "and a change needs a second person (four eyes)");
        shot(page, "pricing-3-own-change-refused");
    }

    @Test
    @Order(4)
    void rulesWithAnUnsafeCallAreRefusedWithTheLineAndAReason() {
        Page page = signIn(ANALYST);
        page.locator("#rule-pack-versions").getByText("v4").click();
        tab(page, "Rules");
        Locator editor = page.locator("#drl-editor textarea");
        editor.fill("""
                package ratebook.overage;

                global org.ratebook.rules.decision.Decisions decisions;

                rule "Stop everything"
                when
                then
                    System.exit(1);
                end
                """);
        editor.press("Tab");
        assertThat(page.locator("#drl-gutter")).hasText(Pattern.compile("^\\s*1\\s+2\\s+3\\s+4\\s+5\\s+6\\s+7\\s+8\\s+9\\s+10\\s*$"));
        page.locator("#save-draft").click();
        assertThat(page.locator("#pack-message")).containsText("Nothing was saved");
        Locator problems = page.locator("#drl-problems");
        assertThat(problems).containsText("rules/overage.drl");
        assertThat(problems).containsText("System is not allowed");
        problems.getByText("System is not allowed").first().click();
        assertThat(page.locator("#caret-line")).containsText("Line 8 of rules/overage.drl is selected");
        Object selected = page.evaluate("() => { const t = document.querySelector('#drl-editor textarea');"
                + " return t.value.substring(t.selectionStart, t.selectionEnd); }");
        assertThat(selected.toString()).contains("System.exit(1);");
        shot(page, "pricing-4-unsafe-rule-refused");
    }

    @Test
    @Order(5)
    void theServiceRefusesAnApprovalByANonApproverEvenWhenTheButtonIsPressedOutsideTheConsole() {
        int someoneElses = authoring.draftFromVersion(TENANT, 1, "someone-else");
        ConsoleUserDetails analyst = new ConsoleUserDetails(new ConsoleUser(TENANT, ANALYST, "x", "ANALYST"));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(analyst, null, analyst.getAuthorities()));
        try {
            assertThatThrownBy(() -> pricing.approve(someoneElses)).isInstanceOf(PricingService.Refused.class)
                    .hasMessageContaining("Approving a version needs the role Approver");
            assertThat(pricing.version(someoneElses).orElseThrow().status()).isEqualTo("DRAFT");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
