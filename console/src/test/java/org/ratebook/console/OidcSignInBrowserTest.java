package org.ratebook.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratebook.console.demo.DemoData;
import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OpenID Connect sign-in (issue 10) against an in-process provider (mock-oauth2-server), in real Chromium: a person
 * the provider signs in becomes the Ratebook user of the same e-mail address, with that user's tenant and roles
 * only; a person with no Ratebook user, or a disabled one, is sent back to the sign-in page with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInBrowserTest {

    /** The port the shared test context names for the provider (src/test/resources/application.properties). */
    private static final int PROVIDER_PORT = 47089;
    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    @BeforeAll
    static void startProvider() {
        PROVIDER.start(PROVIDER_PORT);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @LocalServerPort int port;
    @Autowired ConsoleUsers users;

    /** The provider signs the next person in as {@code email}. */
    private static void nextSignInAs(String email) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("company", "subject-" + email, "JWT",
                List.of("ratebook-console"), Map.of("email", email, "email_verified", true), 3600));
    }

    private Page signInThroughProvider(Browser browser, String email) {
        nextSignInAs(email);
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("#sign-in-with-company").click();
        return page;
    }

    @Test
    void aPersonTheProviderSignsInWorksAsTheirRatebookUserAndStrangersAreToldWhy() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String analyst = "ann." + suffix + "@example.com";
        users.create(new ConsoleUser(DemoData.DEMO, analyst, "{noop}unused-" + suffix, Set.of(Role.ANALYST), true));
        String disabled = "dan." + suffix + "@example.com";
        users.create(new ConsoleUser(DemoData.DEMO, disabled, "{noop}unused-" + suffix, Set.of(Role.ANALYST), true));
        users.setEnabled(DemoData.DEMO, disabled, false);

        try (Playwright playwright = Playwright.create(Chromium.playwrightOptions());
             Browser browser = playwright.chromium().launch(Chromium.launchOptions())) {
            // the sign-in page offers the installation's provider beside the password form
            Page known = signInThroughProvider(browser, analyst.toUpperCase());
            assertThat(known.locator("#main-menu")).containsText("Invoices");
            assertThat(known.locator("body")).containsText(analyst);
            // the analyst's roles, not more: no admin pages
            assertThat(known.locator("#main-menu")).not().containsText("Users and roles");
            known.navigate("http://localhost:" + port + "/admin/users");
            assertThat(known.locator("body")).containsText("Could not navigate");
            known.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/oidc-signed-in.png")));

            // signed in at the provider, but no Ratebook user has that address
            Page stranger = signInThroughProvider(browser, "eve." + suffix + "@example.com");
            assertThat(stranger.locator("vaadin-login-form")).containsText("No Ratebook user for this sign-in");
            assertThat(stranger.locator("#main-menu")).hasCount(0);
            stranger.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/oidc-unknown-user.png")));

            // a user the tenant admin disabled is refused, whoever vouches for them
            Page refused = signInThroughProvider(browser, disabled);
            assertThat(refused.locator("vaadin-login-form")).containsText("This user is disabled");
            assertThat(refused.locator("#main-menu")).hasCount(0);
        }
    }
}
