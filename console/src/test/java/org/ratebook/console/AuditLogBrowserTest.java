package org.ratebook.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.ratebook.console.demo.DemoData;
import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor, guided only by the screen: a mistyped password, then signing in, opening "Audit log" from the
 * side navigation, finding the failed and the successful sign-in, narrowing to the failed one and downloading it
 * as CSV. Real Chromium (see ConsoleBrowserTest); the end state is kept as target/audit-log.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogBrowserTest {

    @LocalServerPort int port;
    @Autowired ConsoleUsers users;
    @Autowired PasswordEncoder passwords;

    @Test
    void anAuditorFindsAFailedSignInAndDownloadsItAsCsv() throws Exception {
        users.create(new ConsoleUser(DemoData.DEMO, "walls-auditor", passwords.encode("audit-me-42"), "AUDITOR"));
        Playwright.CreateOptions options = Chromium.playwrightOptions();
        BrowserType.LaunchOptions launch = Chromium.launchOptions();
        try (Playwright playwright = Playwright.create(options);
             Browser browser = playwright.chromium().launch(launch)) {
            Page page = browser.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            signIn(page, "wrong password");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
            page.navigate("http://localhost:" + port + "/login");
            signIn(page, "audit-me-42");

            page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit log")).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/audit-log$"));
            assertThat(page.locator("#audit-log").getByText("LoginFailed").first()).isVisible();
            assertThat(page.locator("#audit-log").getByText("LoginSucceeded").first()).isVisible();

            page.locator("#audit-action input").fill("LoginFailed");
            page.locator("#audit-apply").click();
            // the grid keeps its row elements for reuse, hidden rows with their old text: count the shown ones
            assertThat(page.locator("#audit-log vaadin-grid-cell-content:visible").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("LoginSucceeded"))).hasCount(0);
            assertThat(page.locator("#audit-log").getByText("refused").first()).isVisible();

            Download download = page.waitForDownload(() -> page.locator("#audit-csv").click());
            String csv = Files.readString(download.path());
            assertThat(csv).startsWith("entry_id,occurred_at,actor").contains("\"LoginFailed\"")
                    .contains("\"walls-auditor\"").doesNotContain("LoginSucceeded");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/audit-log.png")).setFullPage(true));
        }
    }

    private static void signIn(Page page, String password) {
        page.locator("vaadin-login-form input[name=username]").fill("walls-auditor");
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    }
}
