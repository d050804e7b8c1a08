package org.cxalign.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The number of group-commit writers ({@code cxalign.ingest.writers}). */
class SubmissionIntakeTest {

  @Test
  void autoIsOneWriterPerTwoCoresAndAtLeastOne() {
    assertEquals(1, SubmissionIntake.writerCount("auto", 1));
    assertEquals(1, SubmissionIntake.writerCount("auto", 2));
    assertEquals(1, SubmissionIntake.writerCount("auto", 3));
    assertEquals(4, SubmissionIntake.writerCount(" AUTO ", 8));
    assertEquals(1, SubmissionIntake.writerCount(null, 2));
  }

  @Test
  void aNumberIsTakenAsItIsButNeverBelowOne() {
    assertEquals(3, SubmissionIntake.writerCount("3", 2));
    assertEquals(1, SubmissionIntake.writerCount("0", 16));
    assertEquals(1, SubmissionIntake.writerCount("-2", 16));
  }

  @Test
  void anythingElseIsRefusedNamingTheSetting() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SubmissionIntake.writerCount("two", 2));
    assertTrue(e.getMessage().contains("cxalign.ingest.writers"), e.getMessage());
    assertTrue(e.getMessage().contains("\"two\""), e.getMessage());
  }
}
