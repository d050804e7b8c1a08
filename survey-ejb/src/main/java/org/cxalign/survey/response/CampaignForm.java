package org.cxalign.survey.response;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.survey.aggregate.CampaignLayout;
import org.cxalign.survey.aggregate.DepartmentKey;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.CampaignStatus;

/**
 * What storing a submission needs of its campaign, read once and held outside any transaction by
 * {@link SubmissionIntake}: the campaign's row version, its state and dates, the participation
 * secret, the departments in scope with their names, the form of every department and of customers,
 * and the aggregate layout. A batch uses a snapshot only after checking, in its own transaction,
 * that the campaign's version and its departments' names are still the ones read here ({@link
 * #isCurrent}); closing, any other change of the campaign or a rename makes a new snapshot.
 */
public final class CampaignForm {

  private final long campaignId;
  private final int version;
  private final CampaignStatus status;
  private final LocalDate opensOn;
  private final LocalDate closesOn;
  private final Set<Audience> audiences;
  private final String hmacSecret;
  private final List<DepartmentKey> departments;
  private final Map<String, Long> departmentIds = new HashMap<>();
  private final Map<String, List<Item>> employeeForms = new HashMap<>();
  private final List<Item> customerForm;
  private final CampaignLayout layout;

  private CampaignForm(Campaign c, CampaignLayout layout) {
    this.campaignId = c.getId();
    this.version = c.getVersion();
    this.status = c.getStatus();
    this.opensOn = c.getOpensOn();
    this.closesOn = c.getClosesOn();
    this.audiences = Set.copyOf(c.audiences());
    this.hmacSecret = c.getHmacSecret();
    this.layout = layout;
    // the layout's departments: those in scope, in id order, with their current names
    this.departments = layout.departments();
    var instrument = c.getInstrument().instrument();
    List<String> names = c.departmentNames();
    for (DepartmentKey d : departments) {
      departmentIds.put(d.name(), d.id());
      employeeForms.put(
          d.name(),
          SubmissionValidator.form(instrument, Audience.EMPLOYEES.population(), names, d.name()));
    }
    this.customerForm =
        SubmissionValidator.form(instrument, Audience.CUSTOMERS.population(), names, null);
  }

  /** A snapshot of a campaign loaded in the current transaction, with its aggregate layout. */
  public static CampaignForm of(Campaign campaign, CampaignLayout layout) {
    return new CampaignForm(campaign, layout);
  }

  public long campaignId() {
    return campaignId;
  }

  public String hmacSecret() {
    return hmacSecret;
  }

  public CampaignLayout layout() {
    return layout;
  }

  /** Whether the campaign, as read, accepts answers of {@code audience} on {@code today}. */
  public boolean accepts(Audience audience, LocalDate today) {
    return Campaign.isAnswerable(status, opensOn, closesOn, audiences, audience, today);
  }

  /** The id of a department in scope by its name, or null. */
  public Long departmentId(String name) {
    return name == null ? null : departmentIds.get(name);
  }

  /** The employee form of a department in scope (null when the name is not in scope). */
  public List<Item> employeeForm(String department) {
    return department == null ? null : employeeForms.get(department);
  }

  public List<Item> customerForm() {
    return customerForm;
  }

  /**
   * Whether this snapshot still describes the campaign whose row has {@code currentVersion} and
   * whose departments in scope are {@code scope} (id → name).
   */
  public boolean isCurrent(int currentVersion, Map<Long, String> scope) {
    if (currentVersion != version || scope.size() != departments.size()) {
      return false;
    }
    for (DepartmentKey d : departments) {
      if (!d.name().equals(scope.get(d.id()))) {
        return false;
      }
    }
    return true;
  }
}
