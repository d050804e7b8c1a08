package org.cxalign.survey.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What an admin sets when creating a campaign (presence and ranges checked by the caller). */
public record NewCampaign(
    String title,
    long instrumentId,
    List<Long> departmentIds,
    Set<Audience> audiences,
    LocalDate opensOn,
    LocalDate closesOn,
    int anonymityThreshold,
    Transparency transparency,
    String wave) {}
