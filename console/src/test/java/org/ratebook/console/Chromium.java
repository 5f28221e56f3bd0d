package org.ratebook.console;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How every browser test starts Chromium: Debian's {@code /usr/bin/chromium} when it is there (then Playwright must
 * not try to download its own: there is no internet here), headless, without Chromium's background traffic (which
 * a closed network refuses noisily), and with assertions that wait as long as the pages' own 60 s timeouts.
 */
public final class Chromium {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    static {
        // Playwright's assertions wait 5 s by default; a machine busy with other builds took longer to render the
        // first view once
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    private Chromium() {
    }

    public static Playwright.CreateOptions playwrightOptions() {
        Playwright.CreateOptions options = new Playwright.CreateOptions();
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        return options;
    }

    public static BrowserType.LaunchOptions launchOptions() {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            launch.setExecutablePath(SYSTEM_CHROMIUM);
        }
        return launch;
    }
}
