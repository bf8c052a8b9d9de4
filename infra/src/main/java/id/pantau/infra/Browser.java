package id.pantau.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile each time: the
 * console's browser tests (dashboard-api's, local's whole-system ConsoleEndToEndIT) and the bench's
 * first paint of the board. Missing, it throws (a test fails, never skips) and says what installs
 * it.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  // Selenium looks for CDP classes of this Chromium's version, which the tests do not use.
  private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP_FINDER.setLevel(Level.SEVERE);
  }

  private final Path profile;
  private final ChromeDriver driver;

  private Browser(int width, int height) throws IOException {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            p
                + " is missing: the console's browser tests and the bench need Chromium;"
                + " ./pantau setup installs it (apt-get install -y chromium chromium-driver)");
      }
    }
    profile = Files.createTempDirectory("pantau-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  /** A desktop-sized window. */
  public static Browser start() throws IOException {
    return start(1280, 900);
  }

  public static Browser start(int width, int height) throws IOException {
    return new Browser(width, height);
  }

  /**
   * A phone's screen, {@code width} CSS pixels wide: a headless window is at least 500 px wide, so
   * the viewport is narrowed as Chrome's device mode does it.
   */
  public static Browser phone(int width) throws IOException {
    Browser b = new Browser(500, 800);
    b.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    return b;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens the page, signing in with the token through the URL fragment. */
  public void signIn(String url, String token) {
    driver.get(url + "#token=" + token);
  }

  public void open(String url) {
    driver.get(url);
  }

  /**
   * Waits until the condition holds, failing after {@code deadline}. An element the page redraws
   * between finding it and reading it (the sign-in form, a row) is found again at the next poll.
   */
  public <T> T await(Duration deadline, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, deadline)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  public <T> T await(ExpectedCondition<T> condition) {
    return await(DEADLINE, condition);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
