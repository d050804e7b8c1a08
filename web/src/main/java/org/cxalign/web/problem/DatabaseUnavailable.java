package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by the database being out of reach (stopped, restarting, or the
 * connection pool unable to hand out a connection): the caller gets a 503 with {@code Retry-After}
 * instead of a 500, since sending the same request again later is the right thing to do (with the
 * same Idempotency-Key a submission is stored at most once).
 */
final class DatabaseUnavailable {

  /** Seconds a client should wait before sending the request again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  /**
   * Whether the database's unavailability is among the causes of {@code e}: an SQLState of class 08
   * (connection exception), 57P01-57P03 (PostgreSQL shutting down or starting up), a transient
   * connection exception, Hibernate's connection exception, or the connection pool's resource
   * exception (IJ000453 and kin: no connection could be obtained).
   */
  static boolean isCause(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 50; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")) {
          return true;
        }
      }
      String name = t.getClass().getName();
      if (name.equals("org.hibernate.exception.JDBCConnectionException")
          || name.equals("jakarta.resource.ResourceException")
          || name.startsWith("jakarta.resource.spi.")) {
        return true;
      }
    }
    return false;
  }

  static Response response() {
    return Response.fromResponse(
            new Problem(
                    "urn:cx-align:problem:database-unavailable",
                    "The database is unavailable",
                    Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                    "The database cannot be reached at the moment. Send the same request again in a"
                        + " few seconds; with the same Idempotency-Key it is stored at most once.",
                    null)
                .toResponse())
        .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
        .build();
  }
}
