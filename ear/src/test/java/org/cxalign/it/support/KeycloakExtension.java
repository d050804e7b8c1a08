package org.cxalign.it.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real Keycloak (the distribution unpacked by the realm module, realm cx-align imported)
 * once per test JVM and stops it when the JVM's tests are done. A Keycloak already answering on the
 * port with the realm (for example the demo's) is reused and left running. A test may stop the one
 * started here for a while ({@link #outage()}); it comes back as a new Keycloak (realm imported
 * again into memory: new signing keys, tokens issued before are no longer valid).
 */
public class KeycloakExtension implements BeforeAllCallback {

  public static final int PORT = 8180;
  public static final String BASE = "http://127.0.0.1:" + PORT;
  public static final String REALM_URL = BASE + "/realms/cx-align";
  private static final Duration STARTUP = Duration.ofSeconds(420);

  /** The Keycloak of this test JVM, once the first test class asked for it. */
  private static volatile KeycloakProcess current;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    current =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(
                KeycloakProcess.class, k -> KeycloakProcess.start(), KeycloakProcess.class);
  }

  /** Whether the Keycloak on the port was started by this extension (and may be stopped). */
  public static boolean startedHere() {
    KeycloakProcess k = current;
    return k != null && k.process != null;
  }

  /**
   * Stops Keycloak (SIGTERM to its process tree) until the returned outage is closed, which starts
   * a new one and waits until its realm answers. Only for a Keycloak started here ({@link
   * #startedHere()}).
   */
  public static Outage outage() {
    KeycloakProcess k = current;
    if (k == null || k.process == null) {
      throw new IllegalStateException("Keycloak was not started by this extension");
    }
    k.stop();
    return k::restart;
  }

  /** A stopped Keycloak; closing it starts Keycloak again. */
  @FunctionalInterface
  public interface Outage extends AutoCloseable {
    @Override
    void close();
  }

  static boolean realmAnswers() {
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(REALM_URL + "/.well-known/openid-configuration"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The Keycloak process, closed (killed with its children) by JUnit at the end of the run. */
  static final class KeycloakProcess implements ExtensionContext.Store.CloseableResource {
    private volatile Process process;

    private KeycloakProcess(Process process) {
      this.process = process;
    }

    static KeycloakProcess start() {
      if (realmAnswers()) {
        return new KeycloakProcess(null);
      }
      return new KeycloakProcess(launch());
    }

    synchronized void stop() {
      kill(process);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (realmAnswers()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Keycloak still answers after it was stopped");
        }
        sleep();
      }
    }

    synchronized void restart() {
      // what the stopped Keycloak left in its temporary directory (tools/load/stack.sh does the
      // same)
      Path tmp = home().resolve("data/tmp");
      try (var files =
          Files.exists(tmp) ? Files.walk(tmp) : java.util.stream.Stream.<Path>empty()) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        throw new IllegalStateException("Cannot clear " + tmp, e);
      }
      process = launch();
    }

    private static Path home() {
      return Path.of(System.getProperty("keycloak.home", "../realm/target/keycloak"));
    }

    private static void sleep() {
      try {
        TimeUnit.SECONDS.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted", e);
      }
    }

    private static Process launch() {
      Path home = home();
      Path kc = home.resolve("bin/kc.sh");
      if (!Files.isExecutable(kc)) {
        throw new IllegalStateException(
            "No Keycloak at " + home + ": build the realm module first");
      }
      try {
        File log = home.resolve("keycloak-tests.log").toFile();
        ProcessBuilder pb =
            new ProcessBuilder(
                    kc.toString(),
                    "start-dev",
                    "--http-host",
                    "127.0.0.1",
                    "--http-port",
                    String.valueOf(PORT),
                    "--hostname",
                    BASE,
                    "--db",
                    "dev-mem",
                    "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "kc-admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kc-admin");
        Process p = pb.start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!realmAnswers()) {
          if (!p.isAlive()) {
            throw new IllegalStateException(
                "Keycloak exited with " + p.exitValue() + "; see " + log);
          }
          if (System.nanoTime() > deadline) {
            kill(p);
            throw new IllegalStateException(
                "Keycloak did not start within " + STARTUP + "; see " + log);
          }
          TimeUnit.SECONDS.sleep(1);
        }
        return p;
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start Keycloak", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting Keycloak", e);
      }
    }

    private static void kill(Process p) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public synchronized void close() {
      if (process != null) {
        kill(process);
      }
    }
  }
}
