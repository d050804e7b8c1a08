package org.cxalign.survey.aggregate;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Drains every campaign's outbox once a second (non-persistent timer, on each node). */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class AggregateDrainTimer {

  private static final Logger LOG = Logger.getLogger(AggregateDrainTimer.class.getName());

  @EJB AggregateDrainer drainer;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void drainAll() {
    try {
      for (long campaignId : drainer.campaignsWithPending()) {
        try {
          drainer.drain(campaignId);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "draining the aggregate outbox of campaign " + campaignId, e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "listing the aggregate outbox", e);
    }
  }
}
