package org.cxalign.survey.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the application for MicroProfile Health. It lives in the EJB module, not the WAR:
 * WildFly collects health checks through the EAR's top-level bean manager, which sees the EJB
 * module's beans but not the WAR's (WFLY-12835).
 *
 * <p>Ready only when the database answers and the Flyway migrations have run: the application
 * cannot serve anything without both.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("cx-align-database");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(3);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT version FROM flyway_schema_history WHERE success = TRUE"
                  + " ORDER BY installed_rank DESC LIMIT 1")) {
        String version = rs.next() ? rs.getString(1) : null;
        response.withData("database", c.getMetaData().getDatabaseProductName());
        if (version == null) {
          return response.down().withData("reason", "schema not migrated").build();
        }
        return response.up().withData("schemaVersion", version).build();
      }
    } catch (Exception e) {
      return response.down().withData("reason", "database unavailable").build();
    }
  }
}
