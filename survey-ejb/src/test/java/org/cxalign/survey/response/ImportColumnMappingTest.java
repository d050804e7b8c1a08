package org.cxalign.survey.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.junit.jupiter.api.Test;

class ImportColumnMappingTest {

  private static final Set<String> TARGETS =
      Set.of("respondent_id", "population", "department", "cx.l1.1");

  @Test
  void mappedColumnsAreRenamedAndTheRestKept() {
    ImportColumnMapping m =
        ImportColumnMapping.parse(
            List.of("Team=department", "a=b=respondent_id", " Kind = population"), TARGETS);
    assertEquals(
        List.of("respondent_id", "population", "department", "cx.l1.1"),
        m.rename(List.of("a=b", "Kind", "Team", "cx.l1.1")));
    assertEquals(List.of("Kind"), m.missingFrom(List.of("a=b", "Team")));
  }

  @Test
  void theEncodedFormReadsBack() {
    ImportColumnMapping m =
        ImportColumnMapping.parse(List.of("Q 1 & 2=cx.l1.1", "Wer=respondent_id"), TARGETS);
    assertEquals(m.targets(), ImportColumnMapping.decode(m.encode()).targets());
    assertSame(ImportColumnMapping.NONE, ImportColumnMapping.decode(""));
    assertSame(ImportColumnMapping.NONE, ImportColumnMapping.parse(List.of(), TARGETS));
  }

  @Test
  void unknownTargetsAndRepeatsAreNamedByColumn() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                ImportColumnMapping.parse(
                    List.of("Q=q9", "A=department", "B=department", "A=population", "nothing"),
                    TARGETS));
    assertEquals(
        List.of("map[Q]", "map[B]", "map[A]", "map"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertTrue(e.violations().get(0).message().contains("q9"));
  }

  @Test
  void theFixedColumnsAreMovedFirst() {
    assertArrayEquals(
        new int[] {2, 3, 0, 1, 4},
        ImportLineReader.fixedFirst(
            List.of("department", "x", "respondent_id", "population", "y")));
    assertNull(ImportLineReader.fixedFirst(List.of("respondent_id", "population")));
    assertNull(
        ImportLineReader.fixedFirst(
            List.of("respondent_id", "population", "department", "department")));
  }
}
