package org.cxalign.survey.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.survey.campaign.Transparency;

/**
 * What the report needs of a campaign.
 *
 * @param departments the campaign's departments, name to id, in name order
 * @param status draft, open or closed (lower case)
 */
public record CampaignInfo(
    long id,
    String title,
    String wave,
    String status,
    LocalDate opensOn,
    int k,
    Transparency transparency,
    String instrumentKey,
    Instrument instrument,
    Map<String, Long> departments) {
  public CampaignInfo {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(transparency, "transparency");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    departments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(departments));
  }
}
