package org.cxalign.survey.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration} (and on
 * PostgreSQL {@code db/postgresql}: {@link #locations}) before anything else touches the database.
 * Bean-managed transactions: Flyway runs its own. Placeholders ({@link #placeholders}): {@code
 * commentFilter}, the partial-index clause on PostgreSQL, empty on H2 (no partial indexes); {@code
 * invitationFillfactor}, the invitation table's fill factor on PostgreSQL, empty on H2.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  DataSource dataSource;

  private String schemaVersion;

  @PostConstruct
  void migrate() {
    boolean postgresql = postgresql();
    Flyway flyway =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations(postgresql))
            .placeholders(placeholders(postgresql))
            .load();
    MigrateResult result = flyway.migrate();
    schemaVersion =
        flyway.info().current() == null ? null : flyway.info().current().getVersion().getVersion();
    LOG.info(
        () ->
            "Database schema at version "
                + schemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /**
   * Where the migrations are: {@code db/migration} for both databases, and on PostgreSQL also
   * {@code db/postgresql}, whose versions are PostgreSQL's alone (H2 skips their numbers).
   */
  static String[] locations(boolean postgresql) {
    return postgresql
        ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
        : new String[] {"classpath:db/migration"};
  }

  /** The placeholders of the migrations on PostgreSQL or on H2. */
  static Map<String, String> placeholders(boolean postgresql) {
    return Map.of(
        "commentFilter",
        postgresql ? "WHERE comment_text IS NOT NULL" : "",
        "invitationFillfactor",
        postgresql ? "ALTER TABLE invitation SET (fillfactor = 70);" : "");
  }

  /** The schema version after start-up, for the readiness check and diagnostics. */
  public String schemaVersion() {
    return schemaVersion;
  }

  private boolean postgresql() {
    try (Connection con = dataSource.getConnection()) {
      return Databases.isPostgresql(con);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
  }
}
