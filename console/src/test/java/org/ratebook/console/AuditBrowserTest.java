package org.ratebook.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.ratebook.console.demo.DemoData;
import org.ratebook.engine.testclock.TestClocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The demo auditor's journey in real Chromium: an invoice line's "why", the invoice re-derived and identical, the
 * customer's timeline and its state as of last month; nothing on the way offers a change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserTest {

    @LocalServerPort int port;
    @Value("${ratebook.data-dir}") Path dataDir;
    @Autowired TestClocks clocks;

    @Test
    void anAuditorReDerivesAnInvoiceAndReadsTheCustomersHistory() throws IOException {
        // two months of the demo sandbox, so "last month" has a history to show
        clocks.advance(DemoData.DEMO, clocks.now(DemoData.DEMO).plus(Duration.ofDays(62)));
        Properties demo = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("demo-credentials.txt"))) {
            demo.load(in);
        }
        Playwright.CreateOptions options = Chromium.playwrightOptions();
        BrowserType.LaunchOptions launch = Chromium.launchOptions();
        try (Playwright playwright = Playwright.create(options);
             Browser browser = playwright.chromium().launch(launch)) {
            Page page = browser.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            page.locator("vaadin-login-form input[name=username]").fill(demo.getProperty("auditor_user"));
            page.locator("vaadin-login-form input[name=password]").fill(demo.getProperty("auditor_password"));
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

            // the first invoice's lines say why
            page.navigate("http://localhost:" + port + "/invoices");
            page.locator("#invoice-search input").fill("INV-000001"); // the list is newest first
            page.locator("#invoices").getByText("INV-000001").first().click();
            assertThat(page.locator("#invoice-title")).containsText("Invoice INV-000001");
            assertThat(page.locator("#why .why").first()).containsText("decided by");

            page.locator("#invoice-rederive").click();
            assertThat(page).hasURL(Pattern.compile(".*/audit/invoices/[0-9a-f-]{36}$"));
            page.locator("#rederive").click();
            assertThat(page.locator("#rederivation .identical").first()).hasText("Identical");
            assertThat(page.locator("#rederivation")).not().containsText("difference");

            page.getByText("Timeline and state of this customer").click();
            assertThat(page).hasURL(Pattern.compile(".*/audit/[0-9a-f-]{36}$"));
            Locator timeline = page.locator("#audit-timeline");
            assertThat(timeline).containsText("created");
            assertThat(timeline).containsText("Invoice INV-000001 issued");
            assertThat(page.locator("#audit-states .audit-state").first()).containsText("Subscription: ");
            assertThat(page.locator("#audit-states .audit-state").first()).containsText("As of");

            // an auditor is offered nothing that changes anything: no button but the re-derivation and paging
            assertThat(page.locator("vaadin-button", new Page.LocatorOptions().setHasText(
                    Pattern.compile("Pay|Void|Credit|Finalize|Discard|Publish|Approve|Run")))).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/audit-journey.png"))
                    .setFullPage(true));
            page.locator("#audit-states").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/audit-journey-state-as-of.png")));
        }
    }
}
