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

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort int port;
    @Value("${ratebook.data-dir}") Path dataDir;

    /** With a system Chromium, Playwright must not try to download its own (there is no internet here). */
    private static Playwright.CreateOptions playwrightOptions() {
        Playwright.CreateOptions options = new Playwright.CreateOptions();
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        return options;
    }

    static {
        // Playwright's assertions wait 5 s by default; a machine busy with other builds took longer to render the
        // first view once (seen on a helper branch), and the page timeouts here are already 60 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    /** Headless, and without Chromium's background traffic, which a closed network refuses noisily. */
    private static BrowserType.LaunchOptions launchOptions() {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            launch.setExecutablePath(SYSTEM_CHROMIUM);
        }
        return launch;
    }

    @Test
    void anAnalystSignsInAndSeesWhyEachInvoiceLineIsWhatItIs() throws IOException {
        Properties demo = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("demo-credentials.txt"))) {
            demo.load(in);
        }
        try (Playwright playwright = Playwright.create(playwrightOptions());
             Browser browser = playwright.chromium().launch(launchOptions())) {
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
        try (Playwright playwright = Playwright.create(playwrightOptions());
             Browser browser = playwright.chromium().launch(launchOptions())) {
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
