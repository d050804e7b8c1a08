package org.cxalign.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages addressed by a number in the path ({@code /app/survey/12}, {@code /app/admin/campaign/12})
 * are served by their folder's {@code index.html}; the page's script reads the number from the
 * path. A path survives the sign-in round trip through Keycloak, whereas elytron-oidc-client
 * returns the browser to the page without its query string; links that may arrive signed out
 * therefore carry the id in the path.
 */
@WebFilter(urlPatterns = {"/app/survey/*", "/app/admin/campaign/*"})
public class PagePathFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Pattern NUMBERED =
      Pattern.compile("^(/app/(?:survey|admin/campaign))/[0-9]{1,18}/?$");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    Matcher m = NUMBERED.matcher(path);
    if ("GET".equals(req.getMethod()) && m.matches()) {
      req.getRequestDispatcher(m.group(1) + "/index.html").forward(req, res);
      return;
    }
    chain.doFilter(req, res);
  }
}
