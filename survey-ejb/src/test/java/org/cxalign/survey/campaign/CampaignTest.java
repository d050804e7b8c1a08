package org.cxalign.survey.campaign;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.survey.instrument.InstrumentStatus;
import org.cxalign.survey.instrument.StoredInstrument;
import org.junit.jupiter.api.Test;

class CampaignTest {

  private static final LocalDate OPENS = LocalDate.of(2026, 3, 1);
  private static final LocalDate CLOSES = LocalDate.of(2026, 3, 31);

  private static Campaign campaign(EnumSet<Audience> audiences) {
    return new Campaign(
        "Spring wave",
        new StoredInstrument(Instruments.builtIn(), InstrumentStatus.PUBLISHED, true, OPENS),
        List.of(),
        audiences,
        OPENS,
        CLOSES,
        5,
        Transparency.OWN_DEPARTMENT_ONLY,
        "2026-1",
        "c2VjcmV0",
        OPENS);
  }

  @Test
  void anOpenCampaignIsDueTheDayAfterItsCloseDate() {
    assertFalse(Campaign.isDue(CampaignStatus.OPEN, CLOSES, CLOSES));
    assertTrue(Campaign.isDue(CampaignStatus.OPEN, CLOSES, CLOSES.plusDays(1)));
    assertFalse(Campaign.isDue(CampaignStatus.DRAFT, CLOSES, CLOSES.plusDays(1)));
    assertFalse(Campaign.isDue(CampaignStatus.CLOSED, CLOSES, CLOSES.plusDays(9)));
  }

  @Test
  void draftOpenClosedInThatOrderOnly() {
    Campaign c = campaign(EnumSet.of(Audience.EMPLOYEES));
    assertEquals(CampaignStatus.DRAFT, c.getStatus());
    assertThrows(CampaignStateException.class, c::close);
    c.open();
    assertThrows(CampaignStateException.class, c::open);
    c.close();
    assertEquals(CampaignStatus.CLOSED, c.getStatus());
    assertThrows(CampaignStateException.class, c::close);
  }

  @Test
  void answersAreTakenOnlyWhileOpenBetweenTheDatesFromTheAskedAudience() {
    Campaign c = campaign(EnumSet.of(Audience.EMPLOYEES));
    assertThrows(
        CampaignStateException.class, () -> c.requireAnswerable(Audience.EMPLOYEES, OPENS));
    c.open();
    assertThrows(
        CampaignStateException.class,
        () -> c.requireAnswerable(Audience.EMPLOYEES, OPENS.minusDays(1)));
    assertDoesNotThrow(() -> c.requireAnswerable(Audience.EMPLOYEES, OPENS));
    assertDoesNotThrow(() -> c.requireAnswerable(Audience.EMPLOYEES, CLOSES));
    CampaignStateException late =
        assertThrows(
            CampaignStateException.class,
            () -> c.requireAnswerable(Audience.EMPLOYEES, CLOSES.plusDays(1)));
    assertTrue(late.getMessage().contains("closed"), late.getMessage());
    assertThrows(
        CampaignStateException.class, () -> c.requireAnswerable(Audience.CUSTOMERS, OPENS));
    c.close();
    CampaignStateException closed =
        assertThrows(
            CampaignStateException.class, () -> c.requireAnswerable(Audience.EMPLOYEES, OPENS));
    assertEquals(
        "The campaign 'Spring wave' is closed; answers are no longer accepted",
        closed.getMessage());
  }

  /**
   * The batch path's check (Campaign.isAnswerable on a snapshot) and the one-transaction path's
   * (requireAnswerable) agree for every status, audience set, asked audience and day around the
   * dates: 3 statuses x 3 audience sets x 2 audiences x 5 days.
   */
  @Test
  void isAnswerableAgreesWithRequireAnswerable() {
    int accepted = 0;
    int cases = 0;
    for (EnumSet<Audience> audiences :
        List.of(
            EnumSet.of(Audience.EMPLOYEES),
            EnumSet.of(Audience.CUSTOMERS),
            EnumSet.allOf(Audience.class))) {
      for (int status = 0; status < 3; status++) {
        Campaign c = campaign(audiences);
        if (status >= 1) {
          c.open();
        }
        if (status == 2) {
          c.close();
        }
        for (Audience asked : Audience.values()) {
          for (LocalDate day :
              List.of(OPENS.minusDays(1), OPENS, OPENS.plusDays(10), CLOSES, CLOSES.plusDays(1))) {
            boolean snapshot =
                Campaign.isAnswerable(c.getStatus(), OPENS, CLOSES, c.audiences(), asked, day);
            boolean entity;
            try {
              c.requireAnswerable(asked, day);
              entity = true;
            } catch (CampaignStateException e) {
              entity = false;
            }
            assertEquals(
                entity, snapshot, c.getStatus() + " " + audiences + " " + asked + " " + day);
            accepted += snapshot ? 1 : 0;
            cases++;
          }
        }
      }
    }
    assertEquals(90, cases);
    // open, between the dates (3 days), asked audience among the campaign's: 3 x (1 + 1 + 2)
    assertEquals(12, accepted);
  }
}
