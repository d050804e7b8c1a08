package org.cxalign.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the application for MicroProfile Health. It lives in a library of the EAR itself
 * ({@code lib/cx-align-health.jar}, built by the ear module): WildFly collects health checks
 * through the EAR's top-level bean manager, which sees the EAR's libraries but neither the WAR's
 * nor the EJB module's beans (WFLY-12835; both were tried).
 *
 * <p>Ready only when the database answers and the Flyway migrations have run: the application
 * cannot serve anything without both.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("cx-align-database");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(3);
      s.setMaxRows(1);
      // Flyway creates its table with quoted lower-case names; quoting them here works on H2 (which
      // folds unquoted names to upper case) and on PostgreSQL alike.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                  + " ORDER BY \"installed_rank\" DESC")) {
        String version = rs.next() ? rs.getString(1) : null;
        response.withData("database", c.getMetaData().getDatabaseProductName());
        if (version == null) {
          return response.down().withData("reason", "schema not migrated").build();
        }
        return response.up().withData("schemaVersion", version).build();
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Readiness: the database does not answer", e);
      return response.down().withData("reason", "database unavailable").build();
    }
  }
}
