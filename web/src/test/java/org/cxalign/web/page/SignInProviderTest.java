package org.cxalign.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SignInProviderTest {

  @Test
  void theRealmOfALoginRedirect() {
    assertEquals(
        "http://127.0.0.1:8180/realms/cx-align",
        SignInProvider.realmOfLogin(
            "http://127.0.0.1:8180/realms/cx-align/protocol/openid-connect/auth?response_type=code"
                + "&client_id=cx-align-web&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fapp%2F"));
    assertNull(SignInProvider.realmOfLogin("/app/dashboard/")); // our own redirects
    assertNull(SignInProvider.realmOfLogin("http://127.0.0.1:8080/app/?code=x&state=y"));
    assertNull(SignInProvider.realmOfLogin("http://[bad"));
    assertNull(SignInProvider.realmOfLogin(null));
  }

  @Test
  void aRealmAnswersOnlyWhenItServesItsConfiguration() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/realms/up/.well-known/openid-configuration",
        x -> {
          x.sendResponseHeaders(200, -1);
          x.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertTrue(SignInProvider.reachable(base + "/realms/up"));
      assertFalse(SignInProvider.reachable(base + "/realms/unknown")); // 404
    } finally {
      server.stop(0);
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertFalse(SignInProvider.reachable("http://127.0.0.1:" + closed + "/realms/up"));
  }

  @Test
  void exceptionsOfTheOidcMechanismAreRecognised() {
    RuntimeException oidc = new IllegalArgumentException("ELY23015: No expected issuer given");
    oidc.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.wildfly.security.http.oidc.TokenValidator$Builder", "build", null, 204),
          new StackTraceElement("io.undertow.servlet.handlers.ServletInitialHandler", "x", null, 1)
        });
    assertTrue(OidcFailures.isOidc(oidc));
    assertTrue(OidcFailures.isOidc(new RuntimeException("wrapped", oidc)));
    assertFalse(OidcFailures.isOidc(new IllegalStateException("ours")));
  }
}
