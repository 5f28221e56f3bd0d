package org.ratebook.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Signs in to the console in real Chromium with the demo login the application wrote at first start, and
 * checks that the demo invoice is listed with its "why". Uses the system Chromium when there is one
 * (Debian's {@code chromium}); elsewhere Playwright fetches its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {

    @LocalServerPort int port;
    @Value("${ratebook.data-dir}") Path dataDir;

    @Test
    void anAnalystSignsInAndSeesWhyEachInvoiceLineIsWhatItIs() throws IOException {
        Properties demo = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("demo-credentials.txt"))) {
            demo.load(in);
        }
        try (Playwright playwright = Playwright.create(Chromium.playwrightOptions());
             Browser browser = playwright.chromium().launch(Chromium.launchOptions())) {
            Page page = browser.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));

            page.locator("vaadin-login-form input[name=username]").fill(demo.getProperty("console_user"));
            page.locator("vaadin-login-form input[name=password]").fill(demo.getProperty("console_password"));
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

            assertThat(page.locator("#mrr")).isVisible(); // the dashboard is the landing page
            page.navigate("http://localhost:" + port + "/invoices");
            // a German business customer: its invoices carry German VAT (numbers depend on billing order, names do not)
            page.locator("#invoice-search input").fill("ACME Cloud");
            assertThat(page.locator("#invoices vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator
                    .FilterOptions().setHasText("ACME Cloud")).first()).isVisible();
            assertThat(page.locator("#invoice-count")).not().hasText("0 invoices");
            page.locator("#invoices vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator
                    .FilterOptions().setHasText("ACME Cloud")).first().click();
            assertThat(page.locator("#invoice-title")).containsText("Invoice INV-");
            assertThat(page.locator(".why").first()).containsText(
                    "decided by Recurring plan price from the catalog (pack standard v1)");
            assertThat(page.locator("#tax-summary")).containsText("VAT 19%");
            page.locator("#decision-trace").click();
            assertThat(page.locator(".trace-fact").first()).containsText(":");
            assertThat(page.locator("#decision-trace")).not().containsText("SubscriptionPeriod[");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/console-invoices.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAReadableMessage() {
        try (Playwright playwright = Playwright.create(Chromium.playwrightOptions());
             Browser browser = playwright.chromium().launch(Chromium.launchOptions())) {
            Page page = browser.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            page.locator("vaadin-login-form input[name=username]").fill("analyst");
            page.locator("vaadin-login-form input[name=password]").fill("wrong-password");
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error$"));
            assertThat(page.locator("vaadin-login-form")).containsText("Incorrect username or password");
        }
    }
}
