package org.cxalign.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch path's {@code UPDATE} of the links ({@link SubmissionBatches#markLinksUsed}) on an
 * in-memory H2 (the embedded default database): each link gets its own submission's idempotency
 * hash, and a link used since the batch read it refuses the batch, so that nothing of it is stored
 * once the caller rolls back.
 */
class SubmissionBatchesSqlTest {

  private Connection con;

  @BeforeEach
  void table() throws SQLException {
    con = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
    try (Statement st = con.createStatement()) {
      // the columns the statement touches, as in V2__survey.sql
      st.execute(
          "CREATE TABLE invitation (id BIGINT PRIMARY KEY, used BOOLEAN NOT NULL,"
              + " idempotency_hash VARCHAR(64), version INT NOT NULL)");
      st.execute(
          "INSERT INTO invitation VALUES (1, FALSE, NULL, 0), (2, FALSE, NULL, 0),"
              + " (3, FALSE, NULL, 4), (4, TRUE, 'earlier', 1)");
    }
    con.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    con.close();
  }

  private Object[] row(long id) throws SQLException {
    try (Statement st = con.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT used, idempotency_hash, version FROM invitation WHERE id = " + id)) {
      assertTrue(rs.next(), "invitation " + id);
      return new Object[] {rs.getBoolean(1), rs.getString(2), rs.getInt(3)};
    }
  }

  @Test
  void eachLinkIsMarkedUsedWithItsOwnKey() throws SQLException {
    SubmissionBatches.markLinksUsed(con, List.of(3L, 1L), List.of("key-of-3", "key-of-1"));
    con.commit();
    assertEquals(Arrays.asList(true, "key-of-3", 5), Arrays.asList(row(3)));
    assertEquals(Arrays.asList(true, "key-of-1", 1), Arrays.asList(row(1)));
    assertEquals(Arrays.asList(false, null, 0), Arrays.asList(row(2)), "not in the batch");
  }

  @Test
  void aLinkUsedMeanwhileRefusesTheBatchAndTheRollbackLeavesTheOthersUnused() throws SQLException {
    SubmissionBatches.BatchRefused refused =
        assertThrows(
            SubmissionBatches.BatchRefused.class,
            () -> SubmissionBatches.markLinksUsed(con, List.of(2L, 4L), List.of("k2", "k4")));
    assertTrue(refused.getMessage().contains("1 invitation(s)"), refused.getMessage());
    con.rollback();
    Object[] two = row(2);
    assertEquals(false, two[0]);
    assertNull(two[1]);
    assertEquals(0, two[2]);
    assertEquals(Arrays.asList(true, "earlier", 1), Arrays.asList(row(4)), "the earlier use stays");
  }

  @Test
  void noLinksIsNoStatement() throws SQLException {
    SubmissionBatches.markLinksUsed(con, List.of(), List.of());
    assertEquals(Arrays.asList(false, null, 0), Arrays.asList(row(1)));
  }
}
