package org.cxalign.survey.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.cxalign.survey.participation.ParticipationKeys;
import org.junit.jupiter.api.Test;

class InvitationTest {

  private static final Instant EXPIRES = Instant.parse("2026-04-01T12:00:00Z");

  private static Invitation invitation() {
    return new Invitation(
        1L, ParticipationKeys.sha256("token"), null, EXPIRES, LocalDate.of(2026, 3, 1));
  }

  @Test
  void aLinkExpiresAtItsExpiryInstant() {
    Invitation i = invitation();
    assertFalse(i.isExpired(EXPIRES.minusSeconds(1)));
    assertTrue(i.isExpired(EXPIRES));
    TokenGoneException e =
        assertThrows(
            TokenGoneException.class,
            () -> InvitationService.requireUsable(i, EXPIRES.plusSeconds(1)));
    assertEquals("This survey link has expired", e.getMessage());
  }

  @Test
  void aLinkWorksOnce() {
    Invitation i = invitation();
    InvitationService.requireUsable(i, EXPIRES.minusSeconds(60));
    i.use(ParticipationKeys.sha256("key-1"));
    TokenGoneException e =
        assertThrows(
            TokenGoneException.class,
            () -> InvitationService.requireUsable(i, EXPIRES.minusSeconds(60)));
    assertTrue(e.getMessage().contains("used already"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> i.use(ParticipationKeys.sha256("key-2")));
  }

  @Test
  void onlyTheHashOfTheTokenIsKept() {
    String token = ParticipationKeys.newSecret();
    String hash = ParticipationKeys.sha256(token);
    assertEquals(64, hash.length());
    assertFalse(hash.contains(token));
  }
}
