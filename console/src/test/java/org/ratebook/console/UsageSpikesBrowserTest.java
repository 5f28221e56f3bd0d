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

/** The console's usage spike list, reached from the side navigation, in real Chromium (see ConsoleBrowserTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsageSpikesBrowserTest {

    @LocalServerPort int port;
    @Value("${ratebook.data-dir}") Path dataDir;

    @Test
    void anAnalystOpensTheUsageSpikesFromTheNavigation() throws IOException {
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
            page.locator("vaadin-login-form input[name=username]").fill(demo.getProperty("console_user"));
            page.locator("vaadin-login-form input[name=password]").fill(demo.getProperty("console_password"));
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            assertThat(page.locator("#mrr")).isVisible(); // signed in, on the dashboard

            page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Usage spikes")).click();

            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/usage-spikes$"));
            assertThat(page.getByText("No usage has been flagged.")).isVisible();
        }
    }
}
