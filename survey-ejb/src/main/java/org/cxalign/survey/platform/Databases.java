package org.cxalign.survey.platform;

import java.sql.Connection;
import java.sql.SQLException;

/** Which of the two supported databases a connection leads to (PostgreSQL or H2). */
public final class Databases {

  private Databases() {}

  /** Whether {@code con} is a connection to PostgreSQL (else it is H2). */
  public static boolean isPostgresql(Connection con) throws SQLException {
    return con.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
  }
}
