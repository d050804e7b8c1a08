package org.cxalign.survey.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.cxalign.survey.participation.ParticipationKeys;
import org.junit.jupiter.api.Test;

class InvitationReminderTest {

  private static Invitation emailed() {
    return new Invitation(
        1L,
        ParticipationKeys.sha256("first"),
        null,
        Instant.parse("2026-04-01T12:00:00Z"),
        LocalDate.of(2026, 3, 1),
        "ann@example.com");
  }

  @Test
  void theAddressIsErasedWhenTheLinkIsUsed() {
    Invitation i = emailed();
    assertEquals("ann@example.com", i.getEmail());
    i.use(ParticipationKeys.sha256("key"));
    assertNull(i.getEmail());
  }

  @Test
  void rotatingReturnsTheOldHashAndAUsedLinkCannotRotate() {
    Invitation i = emailed();
    assertEquals(ParticipationKeys.sha256("first"), i.rotate(ParticipationKeys.sha256("second")));
    assertEquals(ParticipationKeys.sha256("second"), i.rotate(ParticipationKeys.sha256("third")));
    i.use(ParticipationKeys.sha256("key"));
    assertThrows(IllegalStateException.class, () -> i.rotate(ParticipationKeys.sha256("fourth")));
  }
}
