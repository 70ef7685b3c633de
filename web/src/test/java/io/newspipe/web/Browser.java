package io.newspipe.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the UI tests: Debian's {@code chromium} and {@code chromedriver} (or {@code
 * CHROME_BIN} / {@code CHROMEDRIVER}), never a browser downloaded at test time (the driver path is
 * set, so Selenium Manager is not consulted). Missing browsers FAIL the tests with the command that
 * installs them.
 */
final class Browser implements AutoCloseable {
  private final Path profile;
  private final ChromeDriver driver;

  private Browser(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  static Browser start() throws IOException {
    Path chrome = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
    Path chromedriver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
    for (Path p : new Path[] {chrome, chromedriver}) {
      if (!Files.isExecutable(p)) {
        fail(
            p
                + " is missing: the browser tests need Chromium and its driver. Install them with"
                + " 'apt-get install chromium chromium-driver' (or point CHROME_BIN and"
                + " CHROMEDRIVER at them).");
      }
    }
    Path profile = Files.createTempDirectory("newspipe-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chrome.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new Browser(profile, driver);
  }

  ChromeDriver driver() {
    return driver;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
