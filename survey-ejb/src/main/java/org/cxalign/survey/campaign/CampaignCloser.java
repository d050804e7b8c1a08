package org.cxalign.survey.campaign;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Closes campaigns on time: an EJB interval timer (non-persistent, every {@code
 * cxalign.campaign.close-check-seconds}, default 60) closes each open campaign whose close date has
 * passed. The clock is the system's UTC clock; {@link CampaignService#closeDue(LocalDate)} takes
 * the day explicitly.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class CampaignCloser {

  private static final Logger LOG = Logger.getLogger(CampaignCloser.class.getName());

  @Resource TimerService timers;

  @EJB CampaignService campaigns;

  @Inject
  @ConfigProperty(name = "cxalign.campaign.close-check-seconds", defaultValue = "60")
  long intervalSeconds;

  Clock clock = Clock.systemUTC();

  @PostConstruct
  void schedule() {
    long millis = Math.max(1, intervalSeconds) * 1000L;
    timers.createIntervalTimer(millis, millis, new TimerConfig("close-due-campaigns", false));
  }

  @Timeout
  void closeDue() {
    try {
      List<Long> closed = campaigns.closeDue(LocalDate.now(clock));
      if (!closed.isEmpty()) {
        LOG.info(() -> "Closed campaigns past their close date: " + closed);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Closing due campaigns failed; retrying at the next tick", e);
    }
  }
}
