package org.cxalign.survey.platform;

import java.sql.SQLException;

/** Recognises integrity violations by their SQLState, which PostgreSQL and H2 share. */
public final class SqlStates {

  /** A unique key would be duplicated. */
  public static final String UNIQUE_VIOLATION = "23505";

  /** A row is still referenced by a foreign key (or a reference points nowhere). */
  public static final String FOREIGN_KEY_VIOLATION = "23503";

  private SqlStates() {}

  /** Whether an {@link SQLException} with this SQLState is among the causes of {@code e}. */
  public static boolean causedBy(Throwable e, String sqlState) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
