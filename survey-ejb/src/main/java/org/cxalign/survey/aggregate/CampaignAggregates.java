package org.cxalign.survey.aggregate;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.survey.campaign.Campaign;

/** The aggregates of campaigns, as report endpoints read them. */
@Stateless
public class CampaignAggregates {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  DataSource dataSource;

  /**
   * A snapshot of the campaign's aggregate counting every response stored before the call.
   *
   * @throws UnknownCampaignException when there is no such campaign
   */
  public CampaignAggregate current(long campaignId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      throw new UnknownCampaignException(campaignId);
    }
    CampaignLayout layout = CampaignLayout.of(campaign);
    AlignmentAccumulator acc = layout.newAccumulator();
    long responses = 0;
    try (Connection con = dataSource.getConnection()) {
      long after = 0;
      while (true) {
        RawResponses.Page page = RawResponses.addPage(con, layout, acc, after, 5_000, false);
        if (page.responses() == 0) {
          break;
        }
        responses += page.responses();
        after = page.lastId();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the responses of campaign " + campaignId, e);
    }
    return new CampaignAggregate(
        campaignId, responses, layout.instrument(), layout.layout(), acc, layout.departments());
  }
}
