package org.cxalign.survey.aggregate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The stored aggregate of a campaign: the encoded accumulator and its version. Its row is the lock
 * every change of the aggregate takes first (drains, rebuild start and swap).
 */
@Entity
@Table(name = "campaign_aggregate")
public class AggregateState {

  @Id
  @Column(name = "campaign_id")
  private Long campaignId;

  @Column(name = "state_version", nullable = false)
  private long version;

  @Column(name = "state")
  private byte[] state;

  @Column(name = "employee_responses", nullable = false)
  private long employeeResponses;

  @Column(name = "customer_responses", nullable = false)
  private long customerResponses;

  @Column(name = "rebuild_execution")
  private Long rebuildExecution;

  @Column(name = "rebuild_started")
  private LocalDateTime rebuildStarted;

  @Column(name = "uncounted", nullable = false)
  private boolean uncounted;

  protected AggregateState() {}

  AggregateState(long campaignId, boolean uncounted) {
    this.campaignId = campaignId;
    this.uncounted = uncounted;
  }

  /**
   * The empty state row of a campaign being created (persist it in the creating transaction): with
   * the row there from the start, drains never create it, so two nodes (or a timer and a read)
   * cannot race to insert it.
   */
  public static AggregateState ofNewCampaign(long campaignId) {
    return new AggregateState(campaignId, false);
  }

  public Long getCampaignId() {
    return campaignId;
  }

  public long getVersion() {
    return version;
  }

  byte[] getState() {
    return state;
  }

  void replace(byte[] state, long employees, long customers) {
    this.state = state;
    this.employeeResponses = employees;
    this.customerResponses = customers;
    this.version++;
  }

  public long getEmployeeResponses() {
    return employeeResponses;
  }

  public long getCustomerResponses() {
    return customerResponses;
  }

  public Long getRebuildExecution() {
    return rebuildExecution;
  }

  public LocalDateTime getRebuildStarted() {
    return rebuildStarted;
  }

  void rebuilding(Long execution, LocalDateTime started) {
    this.rebuildExecution = execution;
    this.rebuildStarted = started;
  }

  /** Whether responses stored before the aggregate existed may be missing until a rebuild. */
  public boolean isUncounted() {
    return uncounted;
  }

  void counted() {
    this.uncounted = false;
  }
}
