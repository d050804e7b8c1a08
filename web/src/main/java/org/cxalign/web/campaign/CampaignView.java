package org.cxalign.web.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.CampaignStatus;
import org.cxalign.survey.campaign.Transparency;

/** A campaign as admins and department heads see it. */
public record CampaignView(
    long id,
    String title,
    CampaignStatus status,
    long instrumentId,
    String instrumentKey,
    int instrumentVersion,
    List<String> departments,
    Set<Audience> audiences,
    LocalDate opensOn,
    LocalDate closesOn,
    int anonymityThreshold,
    Transparency transparency,
    String wave) {

  static CampaignView of(Campaign c) {
    return new CampaignView(
        c.getId(),
        c.getTitle(),
        c.getStatus(),
        c.getInstrument().getId(),
        c.getInstrument().getKey(),
        c.getInstrument().getInstrumentVersion(),
        c.departmentNames(),
        c.audiences(),
        c.getOpensOn(),
        c.getClosesOn(),
        c.getAnonymityThreshold(),
        c.getTransparency(),
        c.getWave());
  }
}
