package org.cxalign.it.survey;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Test-only probe, deployed by {@link GroupCommitIT} in its own WAR beside the application.
 *
 * <ul>
 *   <li>{@code GET /intake}: the node's group-commit counters ({@code SubmissionIntake.summary()},
 *       e.g. {@code batches=3 stored=41 largest=20 failed=0 alone=7}). The bean's class belongs to
 *       the application's deployment, so it is called by reflection.
 *   <li>{@code POST /hold-link?token=T&millis=M}: marks link {@code T} used in a transaction of its
 *       own that it commits {@code M} ms later, and answers at once (the number of rows updated):
 *       meanwhile the row is locked and its change invisible to others, as when a client's retry on
 *       another node uses the link while a batch holding it is being written.
 * </ul>
 */
@WebServlet({"/intake", "/hold-link"})
public class IntakeProbeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    try {
      Object intake =
          new InitialContext().lookup("java:global/cx-align/cx-align-survey-ejb/SubmissionIntake");
      Object summary = intake.getClass().getMethod("summary").invoke(intake);
      res.setContentType("text/plain");
      res.getWriter().print(summary);
    } catch (NamingException | ReflectiveOperationException e) {
      res.sendError(500, String.valueOf(e));
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String token = req.getParameter("token");
    long millis = Long.parseLong(req.getParameter("millis"));
    Connection con = null;
    try {
      DataSource ds =
          (DataSource) new InitialContext().lookup("java:jboss/datasources/CxAlignBatchDS");
      con = ds.getConnection();
      con.setAutoCommit(false);
      int updated;
      try (PreparedStatement ps =
          con.prepareStatement(
              "UPDATE invitation SET used = TRUE, version = version + 1"
                  + " WHERE token_hash = ? AND used = FALSE")) {
        ps.setString(1, sha256(token));
        updated = ps.executeUpdate();
      }
      Connection held = con;
      con = null;
      Thread commit =
          new Thread(
              () -> {
                try (held) {
                  Thread.sleep(millis);
                  held.commit();
                } catch (SQLException | InterruptedException e) {
                  getServletContext().log("hold-link: the commit failed", e);
                }
              },
              "hold-link");
      commit.start();
      res.setContentType("text/plain");
      res.getWriter().print(updated);
    } catch (NamingException | SQLException e) {
      res.sendError(500, String.valueOf(e));
    } finally {
      if (con != null) {
        try {
          con.close();
        } catch (SQLException e) {
          // nothing was held
        }
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
