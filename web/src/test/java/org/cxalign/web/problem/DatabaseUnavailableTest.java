package org.cxalign.web.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  private static Throwable wrapped(Throwable root) {
    // as it reaches the mapper: EJB container -> JPA -> driver
    return new EJBException(new PersistenceException("could not execute statement", root));
  }

  @Test
  void connectionFailuresAndShutdownsAreUnavailability() {
    // PostgreSQL: connection refused while stopped, terminated by the shutdown, starting up
    assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLException("refused", "08001"))));
    assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLException("I/O error", "08006"))));
    assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLException("terminating", "57P01"))));
    assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLException("starting up", "57P03"))));
    assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLTransientConnectionException("pool"))));
    // IronJacamar: no managed connection, as an SQLException without a state around it
    assertTrue(
        DatabaseUnavailable.isCause(
            wrapped(
                new SQLException(
                    "IJ031040",
                    new ResourceException("IJ000453: Unable to get managed connection")))));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DatabaseUnavailable.isCause(new RuntimeException("boom")));
    assertFalse(DatabaseUnavailable.isCause(wrapped(new SQLException("duplicate", "23505"))));
    assertFalse(DatabaseUnavailable.isCause(wrapped(new SQLException("syntax", "42601"))));
    assertFalse(DatabaseUnavailable.isCause(wrapped(new SQLException("no state"))));
    assertFalse(DatabaseUnavailable.isCause(null));
  }

  @Test
  void aCycleOfCausesEnds() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertFalse(DatabaseUnavailable.isCause(a));
  }
}
