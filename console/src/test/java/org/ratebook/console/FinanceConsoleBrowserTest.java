package org.ratebook.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The finance team's journeys in real Chromium on the demo seller's business (DemoBusiness): find a customer,
 * preview and change its plan, record a payment and see the invoice paid; change a plan adding the difference to
 * the next invoice (decision 028); give a customer credit and adjust one
 * line of its invoice after the preview; start a billing run and watch it to its result; the dashboard with its
 * charts. Screenshots of each end state go to target/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceConsoleBrowserTest {

    @LocalServerPort int port;
    @Value("${ratebook.data-dir}") Path dataDir;

    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void launch() {
        Playwright.CreateOptions options = Chromium.playwrightOptions();
        BrowserType.LaunchOptions launch = Chromium.launchOptions();
        playwright = Playwright.create(options);
        browser = playwright.chromium().launch(launch);
    }

    @AfterAll
    void close() {
        browser.close();
        playwright.close();
    }

    private Properties credentials() throws IOException {
        Properties demo = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("demo-credentials.txt"))) {
            demo.load(in);
        }
        return demo;
    }

    private Page signIn() throws IOException {
        Properties demo = credentials();
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1400, 1000)).newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(demo.getProperty("console_user"));
        page.locator("vaadin-login-form input[name=password]").fill(demo.getProperty("console_password"));
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#mrr")).isVisible();
        return page;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/" + name + ".png")).setFullPage(true));
    }

    @Test
    void anAnalystFindsACustomerChangesItsPlanAfterThePreviewAndRecordsThePaymentOfItsInvoice() throws IOException {
        // a customer of its own, in good standing with its first invoice open: the demo's customers change with
        // whatever the suite's other journeys do to the shared demo tenant (clock advances make them overdue, and
        // the dunning policy then refuses plan changes)
        String name = "Kramerica " + java.util.UUID.randomUUID().toString().substring(0, 6) + " Ltd";
        ApiClient api = new ApiClient(port, credentials().getProperty("api_key"));
        ApiClient.Response account = api.post("/api/v1/accounts", "{\"name\":\"" + name
                + "\",\"currency\":\"EUR\",\"country\":\"IE\"}");
        org.assertj.core.api.Assertions.assertThat(account.status()).as(account.text()).isBetween(200, 201);
        ApiClient.Response subscription = api.post("/api/v1/subscriptions", "{\"accountId\":\""
                + account.json().get("accountId").asText() + "\",\"plan\":\"Starter\",\"quantity\":1}");
        org.assertj.core.api.Assertions.assertThat(subscription.status()).as(subscription.text()).isBetween(200, 201);
        ApiClient.Response run = api.post("/api/v1/billing-runs", "{}");
        org.assertj.core.api.Assertions.assertThat(run.status()).as(run.text()).isEqualTo(200);

        Page page = signIn();
        page.locator("#main-menu").getByText("Customers").click();
        assertThat(page.locator("#customer-count")).containsText("customers");
        page.locator("#customer-search input").fill(name.substring(0, 16));
        assertThat(page.locator("#customer-count")).hasText("1 customer");
        page.locator("#customers vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(name)).first().click();
        assertThat(page.locator("#account-name")).hasText(name);

        page.locator("#tab-subscriptions").click();
        page.locator(".action-change-plan").first().click();
        page.locator("#new-plan input").fill("Pro");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Pro")).first().click();
        assertThat(page.locator("#change-preview")).containsText("Takes effect on");
        assertThat(page.locator("#change-preview")).containsText("Total €");
        shot(page, "finance-change-plan-preview");
        page.locator("#confirm-change-plan").click();
        assertThat(page.getByText("Starter changed to Pro")).isVisible();
        assertThat(page.locator("#subscriptions")).containsText("Pro");

        page.locator("#tab-invoices").click();
        page.locator("#account-invoices vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Finalized")).first().click();
        assertThat(page.locator("#invoice-amounts")).isVisible();
        assertThat(page.locator("#why")).containsText("decided by");
        page.locator("#record-payment").click();
        assertThat(page.locator("#payment-effect")).containsText("and is paid.");
        page.locator("#confirm-payment").click();
        assertThat(page.locator("#invoice-amount-due")).containsText("€0.00");
        assertThat(page.locator(".status-badge").first()).hasText("Paid");
        assertThat(page.locator("#invoice-payments")).containsText("Payment");
        shot(page, "finance-invoice-paid");
    }

    @Test
    void anAnalystAddsTheDifferenceOfAPlanChangeToTheNextInvoice() throws IOException {
        // a customer of its own, ten days into its first paid month (the demo tenant's test clock moved on), so the
        // change falls in the middle of a period
        String name = "Vandelay " + java.util.UUID.randomUUID().toString().substring(0, 6) + " Industries";
        ApiClient api = new ApiClient(port, credentials().getProperty("api_key"));
        java.time.LocalDate start = java.time.Instant.parse(api.get("/api/v1/test-clock").json().get("now").asText())
                .atZone(java.time.ZoneOffset.UTC).toLocalDate();
        ApiClient.Response account = api.post("/api/v1/accounts", "{\"name\":\"" + name
                + "\",\"currency\":\"EUR\",\"country\":\"IE\"}");
        org.assertj.core.api.Assertions.assertThat(account.status()).as(account.text()).isBetween(200, 201);
        String accountId = account.json().get("accountId").asText();
        ApiClient.Response subscription = api.post("/api/v1/subscriptions", "{\"accountId\":\"" + accountId
                + "\",\"plan\":\"Starter\",\"quantity\":1}");
        org.assertj.core.api.Assertions.assertThat(subscription.status()).as(subscription.text()).isBetween(200, 201);
        ApiClient.Response run = api.post("/api/v1/billing-runs", "{}");
        org.assertj.core.api.Assertions.assertThat(run.status()).as(run.text()).isEqualTo(200);
        java.time.LocalDate today = start.plusDays(10);
        ApiClient.Response advanced = api.post("/api/v1/test-clock/advance", "{\"to\":\"" + today + "T12:00:00Z\"}");
        org.assertj.core.api.Assertions.assertThat(advanced.status()).as(advanced.text()).isEqualTo(200);

        Page page = signIn();
        page.navigate("http://localhost:" + port + "/customers/" + accountId);
        assertThat(page.locator("#account-name")).hasText(name);
        page.locator("#tab-subscriptions").click();
        page.locator(".action-change-plan").first().click();
        page.locator("#new-plan input").fill("Pro");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Pro")).first().click();
        page.locator("#proration").getByText("Add it to the next invoice").click();
        assertThat(page.locator("#proration-carried")).containsText(
                "Nothing is invoiced now; the difference for the rest of this period goes on the invoice of");
        String shown = page.locator("#carried-invoice .preview-total").textContent();
        shot(page, "finance-change-plan-carried-proration");
        page.locator("#confirm-change-plan").click();
        assertThat(page.getByText("Starter changed to Pro")).isVisible();
        assertThat(page.locator("#subscriptions")).containsText("Pro");

        // nothing more is due today: the change invoiced nothing now ...
        ApiClient.Response now = api.get("/api/v1/accounts/" + accountId + "/invoice-preview");
        org.assertj.core.api.Assertions.assertThat(now.json()).as(now.text()).isEmpty();
        // ... and the next invoice, as the billing run would issue it, carries the proration the dialog showed:
        // Pro for the rest of the period and the unused Starter days given back, beside the next period's charge
        ApiClient.Response later = api.get("/api/v1/accounts/" + accountId + "/invoice-preview?date="
                + today.plusDays(40));
        com.fasterxml.jackson.databind.JsonNode next = java.util.stream.StreamSupport
                .stream(later.json().spliterator(), false)
                .min(java.util.Comparator.comparing(i -> i.get("invoiceDate").asText())).orElse(null);
        org.assertj.core.api.Assertions.assertThat(next).as(later.text()).isNotNull();
        org.assertj.core.api.Assertions.assertThat(shown).contains(
                "€" + new java.math.BigDecimal(next.get("total").asText()).setScale(2));
        org.assertj.core.api.Assertions.assertThat(next.get("lines").findValuesAsText("amount"))
                .as(later.text()).anyMatch(a -> a.startsWith("-"));
        org.assertj.core.api.Assertions.assertThat(next.get("lines").findValuesAsText("periodFrom"))
                .as(later.text()).contains(today.toString());
    }

    @Test
    void anAnalystGivesACustomerCreditSwitchesItsInvoicingOffAndOnAndAdjustsOneLineOfItsInvoice() throws IOException {
        Page page = signIn();
        page.locator("#main-menu").getByText("Customers").click();
        page.locator("#customer-search input").fill("hooli");
        assertThat(page.locator("#customer-count")).hasText("1 customer");
        page.locator("#customers vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Hooli Nordic AB")).first().click();
        page.locator("#give-credit").click();
        page.locator("#credit-amount input").fill("5.00");
        page.locator("#credit-reason input").fill("Outage on 3 March");
        assertThat(page.locator("#credit-effect")).containsText("its next invoices use it");
        page.locator("#confirm-credit").click();
        assertThat(page.getByText("Credit of €5.00 given to Hooli Nordic AB")).isVisible();

        // automatic invoicing switched off and back on (decision 028); back on, nothing was held
        assertThat(page.locator("#automatic-invoicing-state")).hasText("Automatic invoicing is on.");
        page.locator("#switch-automatic-invoicing").click();
        page.locator("#automatic-invoicing-reason input").fill("Contract under review");
        page.locator("#confirm-automatic-invoicing").click();
        assertThat(page.locator("#automatic-invoicing-state")).containsText("Automatic invoicing is off since");
        page.locator("#switch-automatic-invoicing").click();
        page.locator("#confirm-automatic-invoicing").click();
        assertThat(page.locator("#automatic-invoicing-state")).hasText("Automatic invoicing is on.");

        page.locator("#tab-invoices").click();
        page.locator("#account-invoices vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("Finalized|Paid"))).first().click();
        page.locator("#adjust-line").click();
        page.locator("#adjust-line-select").click();
        page.locator("vaadin-select-item").first().click();
        page.locator("#adjust-amount input").fill("1.00");
        page.locator("#adjust-reason input").fill("Backup not delivered");
        // the preview is of the amount typed (1.00 before tax), not of the whole line
        assertThat(page.locator("#adjust-preview")).containsText(Pattern.compile("Issues a credit note of .* for line \\d+: €1\\.00 and"));
        shot(page, "finance-adjust-line-preview");
        page.locator("#adjust-confirm").click();
        page.getByText("Yes, issue it").click();
        assertThat(page.locator("#invoice-credit-notes")).containsText("Backup not delivered");
        assertThat(page.locator("#invoice-credit-notes")).containsText("line ");
    }

    @Test
    void anAnalystStartsABillingRunAndWatchesItToItsResult() throws IOException {
        Page page = signIn();
        page.locator("#main-menu").getByText("Billing runs").click();
        assertThat(page.locator("#test-clock")).containsText("Test clock");
        page.locator("#run-dry").click();
        page.locator("#start-run").click();
        assertThat(page.locator("#run-progress")).isVisible();
        assertThat(page.locator("#run-progress-text")).containsText(Pattern.compile("Finished: ([1-9]\\d*) of \\1 accounts")); // 12 demo customers and those other journeys added
        assertThat(page.locator("#run-result")).containsText("Would issue");
        assertThat(page.locator("#run-history")).containsText("dry run");

        page.locator("#run-dry").click(); // now for real
        page.locator("#start-run").click();
        assertThat(page.locator("#run-progress-text")).containsText(Pattern.compile("Finished: ([1-9]\\d*) of \\1 accounts$"));
        assertThat(page.locator("#run-result")).containsText("Issued");
        shot(page, "finance-billing-run");
    }

    @Test
    void theDashboardDrawsItsChartsFromTheDemoBusiness() throws IOException {
        Page page = signIn();
        assertThat(page.locator("#mrr svg").first()).isVisible();
        assertThat(page.locator("#mrr-table")).isAttached();
        assertThat(page.locator("#revenue-by-customer svg")).isVisible();
        assertThat(page.locator("#revenue-by-product svg")).isVisible();
        assertThat(page.locator("#receivables svg")).isVisible();
        assertThat(page.locator("#overdue")).containsText("Nordwind Logistik GmbH");
        assertThat(page.locator("#mrr .csv")).isVisible();
        shot(page, "finance-dashboard");
    }
}
