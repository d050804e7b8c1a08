package org.cxalign.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The customer's one-time link ({@code /api/survey/<token>}, as e-mailed) is both the survey's API
 * and its page: a browser asking for HTML gets the survey page (which then reads the same URL as
 * JSON); API clients get JSON as before.
 */
@WebFilter(urlPatterns = "/api/survey/*")
public class CustomerLinkPageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String PAGE = "/survey/index.html";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.addHeader("Vary", "Accept");
    if (wantsPage(req)) {
      res.setHeader("Cache-Control", "no-store");
      req.getRequestDispatcher(PAGE).forward(req, res);
      return;
    }
    chain.doFilter(req, res);
  }

  /** A GET whose Accept header names HTML (a browser navigating), not a script's fetch. */
  static boolean wantsPage(HttpServletRequest req) {
    String accept = req.getHeader("Accept");
    return "GET".equals(req.getMethod()) && accept != null && accept.contains("text/html");
  }
}
