package org.cxalign.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input: over 10,000 generated bad requests (fixed seed, {@link HostileRequests}) against
 * every endpoint, sent concurrently. No answer may be a 5xx or carry a stack trace, a class name or
 * a file of the server; every 4xx of an API path is application/problem+json; forged, expired and
 * wrong-audience tokens get 401; no stack trace reaches the server's log meanwhile ({@link
 * ServerLog}); and afterwards every table of the database holds exactly the rows it held before
 * (count and a digest of the rows, read in the server through the application's datasource by the
 * probe WAR {@link TableCountsServlet}).
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class HostileInputIT {

  static final long SEED = Long.getLong("cxalign.hostile.seed", 20261202L);
  static final int CONCURRENCY = Integer.getInteger("cxalign.hostile.concurrency", 16);

  @Deployment(name = "app", order = 1, testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  /** The database probe, in its own WAR (not the application's, not secured). */
  @Deployment(name = "probe", order = 2, testable = false)
  static WebArchive probe() {
    return ShrinkWrap.create(WebArchive.class, "hostile-db-probe.war")
        .addClass(TableCountsServlet.class);
  }

  @Test
  @EnabledIfSystemProperty(
      named = "cxalign.hostile",
      matches = "true",
      disabledReason = "run with -Dcxalign.hostile=true (see README, Hostile input)")
  void tenThousandBadRequestsAreRefusedCleanlyAndStoreNothing() throws Exception {
    ServerLog log = ServerLog.ofTestServer();
    HostileRun.Result r = new HostileRun(Api.BASE, KeycloakExtension.BASE).run(SEED, CONCURRENCY);
    List<String> traces = log.stackTraces();
    System.out.printf(
        "HostileInputIT: %d requests in %.1f s (%.0f/s, %d in flight), %d imports started,"
            + " %d failures%n  per class: %s%n  statuses: %s%n",
        r.requests(),
        r.seconds(),
        r.requests() / r.seconds(),
        CONCURRENCY,
        r.imports(),
        r.failures().size(),
        r.perKind(),
        r.statuses());
    assertTrue(r.requests() >= 10_000, "only " + r.requests() + " requests generated");
    assertTrue(
        r.failures().isEmpty(),
        r.failures().size()
            + " of "
            + r.requests()
            + " answers broke the rules; the first ones:\n"
            + String.join("\n", r.failures().subList(0, Math.min(25, r.failures().size()))));
    assertEquals(r.before(), r.after(), "the database changed (table -> rows and digest)");
    assertTrue(
        traces.isEmpty(),
        traces.size()
            + " stack traces in the server log during the run; the first ones:\n"
            + String.join("\n", traces.subList(0, Math.min(10, traces.size()))));
    assertTrue(
        r.linkStatuses().values().stream().allMatch(s -> s == 200),
        "the customers' links survived every bad submission: " + r.linkStatuses());
  }
}
