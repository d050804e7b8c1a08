package org.cxalign.it.browser.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.KeycloakExtension;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (the system's {@code /usr/bin/chromium}, driven through {@code
 * /usr/bin/chromedriver}) for the browser tests: one per test class, closed in {@code @AfterAll}.
 * The driver and browser paths are set explicitly, so Selenium Manager never runs (nothing is
 * downloaded). Each browser gets a fresh temporary profile.
 *
 * <p>{@link #start()} skips the calling test class (a JUnit assumption) when Chromium is not
 * installed.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM =
      Path.of(System.getProperty("cxalign.it.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("cxalign.it.chromedriver", "/usr/bin/chromedriver"));

  /** Desktop window size used unless {@link #resize} is called. */
  public static final Dimension DESKTOP = new Dimension(1280, 900);

  /** A phone-sized window (iPhone X class, CSS pixels). */
  public static final Dimension PHONE = new Dimension(375, 812);

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Set<String> SERIOUS = Set.of("serious", "critical");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts headless Chromium; skips the test (assumption) when {@link #CHROMIUM} is absent.
   *
   * @throws IllegalStateException when Chromium is there but chromedriver is not
   */
  public static Browser start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Browser tests skipped: no Chromium at "
            + CHROMIUM
            + " (apt-get install chromium chromium-driver)");
    if (!Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "Chromium is installed but "
              + CHROMEDRIVER
              + " is not (apt-get install chromium-driver)");
    }
    // Belt and braces: with an explicit driver and binary Selenium Manager is not consulted.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("cxalign-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--password-store=basic",
        "--lang=en-GB",
        "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver, profile);
  }

  /** The Selenium driver, for anything this class does not wrap. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens a page of the application ({@code path} like {@code /app/}) and waits for its load. */
  public Browser open(String path) {
    driver.get(path.startsWith("http") ? path : Api.BASE + path);
    return this;
  }

  /** The current URL. */
  public String url() {
    return driver.getCurrentUrl();
  }

  /**
   * Signs a demo user (password = user name) in through Keycloak's real login form, starting from
   * {@code /app/}, and waits until the browser is back on the application. Earlier sessions (of the
   * application and of Keycloak) are forgotten first, so one browser can sign in as several users
   * in turn.
   */
  public Browser signIn(String user) {
    return signIn(user, "/app/");
  }

  /**
   * As {@link #signIn(String)}, starting from (and landing on) the given application page, query
   * string included: waits until the browser is back on {@code path} (the query survives the round
   * trip through Keycloak, see the web module's ReturnToQueryHandler), or on {@code path} with
   * parameters the page added to its query.
   */
  public Browser signIn(String user, String path) {
    forgetSessions();
    open(path);
    waitUntil(ExpectedConditions.urlContains(KeycloakExtension.REALM_URL));
    WebElement name = waitFor(By.id("username"));
    name.clear();
    name.sendKeys(user);
    WebElement password = driver.findElement(By.id("password"));
    password.clear();
    password.sendKeys(user);
    driver.findElement(By.id("kc-login")).click();
    String target = Api.BASE + path;
    // a page may add to its own query once loaded (the dashboard adds &department=N with
    // history.replaceState), so the wait may first see the address after that
    waitUntil(
        d -> {
          String url = d.getCurrentUrl();
          return url.equals(target) || (target.contains("?") && url.startsWith(target + "&"));
        });
    return this;
  }

  /**
   * Forgets every session: all cookies of the browser (the application's and Keycloak's) and the
   * application's local and session storage.
   */
  public void forgetSessions() {
    driver.get(Api.BASE + "/index.html");
    script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** A wait whose timeout message says where the browser is (the condition alone does not). */
  private WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.withMessage(
        () -> "the browser is at " + driver.getCurrentUrl() + " (" + driver.getTitle() + ")");
    return wait;
  }

  /** Waits (up to 30 s) until an element is visible and returns it. */
  public WebElement waitFor(By by) {
    return waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits (up to 30 s) until the condition holds and returns its value. */
  public <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return waiting(WAIT).until(condition);
  }

  /** Waits (up to {@code timeout}) until the condition holds and returns its value. */
  public <T> T waitUntil(Function<? super WebDriver, T> condition, Duration timeout) {
    return waiting(timeout).until(condition);
  }

  /** Waits until the element's text contains {@code text}. */
  public WebElement waitForText(By by, String text) {
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  /** Runs a script in the page (not subject to the page's CSP) and returns its value. */
  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Whether a JavaScript dialog (alert, confirm, prompt) is open. */
  public boolean alertOpen() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Resizes the window (e.g. {@link #PHONE}, {@link #DESKTOP}). */
  public Browser resize(Dimension size) {
    driver.manage().window().setSize(size);
    return this;
  }

  /** Saves a PNG of what the window shows (the viewport) to {@code file}, creating its folders. */
  public Path screenshot(Path file) {
    return write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Saves a PNG of the whole page (beyond the viewport, at the window's width) to {@code file},
   * creating its folders.
   */
  public Path fullPageScreenshot(Path file) {
    List<?> wh =
        (List<?>)
            script(
                "return [Math.ceil(document.documentElement.scrollWidth),"
                    + " Math.ceil(document.documentElement.scrollHeight)];");
    Map<String, Object> clip =
        Map.of(
            "x",
            0,
            "y",
            0,
            "width",
            ((Number) wh.get(0)).intValue(),
            "height",
            ((Number) wh.get(1)).intValue(),
            "scale",
            1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    return write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  private static Path write(Path file, byte[] png) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** One axe-core rule violated on the page, with the CSS selectors of the offending nodes. */
  public record AxeViolation(String id, String impact, String help, List<String> targets) {
    @Override
    public String toString() {
      return impact + " " + id + " (" + help + ") at " + targets;
    }
  }

  /**
   * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and returns the violations of
   * impact serious or critical; empty means none.
   */
  public List<AxeViolation> axe() {
    return axeAll().stream().filter(v -> SERIOUS.contains(v.impact())).toList();
  }

  /** Every axe-core violation (any impact) of the WCAG 2.0/2.1 A and AA rules on the page. */
  public List<AxeViolation> axeAll() {
    script(AxeSource.TEXT);
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values:"
                    + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                    + ".then(r => done(JSON.stringify(r.violations)))"
                    + ".catch(e => done('ERROR ' + e));");
    String json = String.valueOf(result);
    if (json.startsWith("ERROR ")) {
      throw new IllegalStateException("axe-core failed: " + json);
    }
    JsonArray violations;
    try (var reader = Json.createReader(new StringReader(json))) {
      violations = reader.readArray();
    }
    List<AxeViolation> out = new ArrayList<>();
    for (JsonValue v : violations) {
      JsonObject o = v.asJsonObject();
      List<String> targets = new ArrayList<>();
      for (JsonValue node : o.getJsonArray("nodes")) {
        targets.add(node.asJsonObject().getJsonArray("target").toString());
      }
      out.add(
          new AxeViolation(
              o.getString("id"),
              o.isNull("impact") ? "none" : o.getString("impact"),
              o.getString("help"),
              List.copyOf(targets)));
    }
    return List.copyOf(out);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }

  /** axe-core's script, read once from the WebJar on the test class path. */
  private static final class AxeSource {
    static final String TEXT = load();

    private static String load() {
      ClassLoader cl = Browser.class.getClassLoader();
      Properties pom = new Properties();
      try (InputStream in =
          cl.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
        if (in == null) {
          throw new IllegalStateException("axe-core WebJar not on the test class path");
        }
        pom.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String path =
          "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
      try (InputStream in = cl.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("No " + path + " in the axe-core WebJar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
