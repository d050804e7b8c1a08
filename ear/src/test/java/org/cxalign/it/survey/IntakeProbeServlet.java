package org.cxalign.it.survey;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Test-only probe, deployed by {@link GroupCommitIT} in its own WAR beside the application: the
 * node's group-commit counters ({@code SubmissionIntake.summary()}, e.g. {@code batches=3 stored=41
 * largest=20 failed=0 alone=7}). The bean's class belongs to the application's deployment, so it is
 * called by reflection.
 */
@WebServlet("/intake")
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
}
