package org.cxalign.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Signs out: ends the application's session, then sends the browser to Keycloak's end-session
 * endpoint (OpenID Connect RP-initiated logout, with the ID token as hint, so Keycloak asks no
 * question) so that the Keycloak session ends too; Keycloak returns the browser to the start page.
 * elytron-oidc-client of this WildFly offers no logout path of its own. Without a session the
 * browser simply goes to the start page.
 */
@WebServlet({"/logout", "/app/logout"})
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String home = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + "/";
    String idToken = null;
    String issuer = null;
    if (req.getUserPrincipal() instanceof OidcPrincipal<?> oidc
        && oidc.getOidcSecurityContext() != null) {
      idToken = oidc.getOidcSecurityContext().getIDTokenString();
      IDToken token = oidc.getOidcSecurityContext().getIDToken();
      issuer = token == null ? null : token.getIssuer();
    }
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    req.logout();
    res.setHeader("Cache-Control", "no-store");
    if (idToken == null || issuer == null || !issuer.startsWith("http")) {
      res.sendRedirect(home);
      return;
    }
    res.sendRedirect(
        issuer
            + "/protocol/openid-connect/logout?id_token_hint="
            + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
            + "&post_logout_redirect_uri="
            + URLEncoder.encode(home, StandardCharsets.UTF_8));
  }
}
