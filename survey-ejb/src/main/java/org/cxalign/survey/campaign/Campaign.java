package org.cxalign.survey.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.instrument.StoredInstrument;

/** A survey campaign: an instrument asked of departments and audiences between two dates. */
@Entity
@Table(name = "campaign")
@NamedQuery(name = "Campaign.all", query = "SELECT c FROM Campaign c ORDER BY c.id")
@NamedQuery(
    name = "Campaign.byStatus",
    query = "SELECT c FROM Campaign c WHERE c.status = :status ORDER BY c.id")
public class Campaign {

  /** The default anonymity threshold k. */
  public static final int DEFAULT_K = 5;

  /** The smallest anonymity threshold allowed. */
  public static final int MIN_K = 3;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "instrument_id")
  private StoredInstrument instrument;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CampaignStatus status;

  @Column(name = "opens_on", nullable = false)
  private LocalDate opensOn;

  @Column(name = "closes_on", nullable = false)
  private LocalDate closesOn;

  @Column(name = "anonymity_k", nullable = false)
  private int anonymityThreshold;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Transparency transparency;

  @Column(length = 100)
  private String wave;

  @Column(name = "for_employees", nullable = false)
  private boolean forEmployees;

  @Column(name = "for_customers", nullable = false)
  private boolean forCustomers;

  @Column(name = "hmac_secret", nullable = false, length = 100)
  private String hmacSecret;

  @Column(name = "created_on", nullable = false)
  private LocalDate createdOn;

  @ManyToMany(fetch = FetchType.EAGER)
  @JoinTable(
      name = "campaign_department",
      joinColumns = @JoinColumn(name = "campaign_id"),
      inverseJoinColumns = @JoinColumn(name = "department_id"))
  @OrderBy("name")
  private Set<Department> departments = new LinkedHashSet<>();

  @Version private int version;

  protected Campaign() {}

  public Campaign(
      String title,
      StoredInstrument instrument,
      List<Department> departments,
      Set<Audience> audiences,
      LocalDate opensOn,
      LocalDate closesOn,
      int anonymityThreshold,
      Transparency transparency,
      String wave,
      String hmacSecret,
      LocalDate createdOn) {
    this.title = Objects.requireNonNull(title);
    this.instrument = Objects.requireNonNull(instrument);
    this.departments.addAll(departments);
    this.forEmployees = audiences.contains(Audience.EMPLOYEES);
    this.forCustomers = audiences.contains(Audience.CUSTOMERS);
    this.opensOn = Objects.requireNonNull(opensOn);
    this.closesOn = Objects.requireNonNull(closesOn);
    this.anonymityThreshold = anonymityThreshold;
    this.transparency = Objects.requireNonNull(transparency);
    this.wave = wave;
    this.hmacSecret = Objects.requireNonNull(hmacSecret);
    this.createdOn = Objects.requireNonNull(createdOn);
    this.status = CampaignStatus.DRAFT;
  }

  /**
   * Whether the close date has passed on {@code today}: an open campaign is closed on the day after
   * its close date (it can be answered through the whole of {@code closesOn}).
   */
  public static boolean isDue(CampaignStatus status, LocalDate closesOn, LocalDate today) {
    return status == CampaignStatus.OPEN && today.isAfter(closesOn);
  }

  public boolean isDue(LocalDate today) {
    return isDue(status, closesOn, today);
  }

  /** Draft → open. */
  public void open() {
    if (status != CampaignStatus.DRAFT) {
      throw new CampaignStateException(
          "Campaign " + id + " is " + status.name().toLowerCase() + "; only a draft can be opened");
    }
    status = CampaignStatus.OPEN;
  }

  /** Open → closed. */
  public void close() {
    if (status != CampaignStatus.OPEN) {
      throw new CampaignStateException(
          "Campaign " + id + " is " + status.name().toLowerCase() + "; only an open one can close");
    }
    status = CampaignStatus.CLOSED;
  }

  /**
   * Whether a campaign in this state accepts answers of {@code audience} on {@code today}: exactly
   * when {@link #requireAnswerable} would not throw (for a form snapshot held outside a
   * transaction).
   */
  public static boolean isAnswerable(
      CampaignStatus status,
      LocalDate opensOn,
      LocalDate closesOn,
      Set<Audience> audiences,
      Audience audience,
      LocalDate today) {
    return status == CampaignStatus.OPEN
        && !isDue(status, closesOn, today)
        && !today.isBefore(opensOn)
        && audiences.contains(audience);
  }

  /**
   * Throws unless the campaign takes answers from {@code audience} now.
   *
   * @throws CampaignStateException with a message fit for the respondent
   */
  public void requireAnswerable(Audience audience, LocalDate today) {
    if (status == CampaignStatus.CLOSED || (status == CampaignStatus.OPEN && isDue(today))) {
      throw new CampaignStateException(
          "The campaign '" + title + "' is closed; answers are no longer accepted");
    }
    if (status != CampaignStatus.OPEN || today.isBefore(opensOn)) {
      throw new CampaignStateException("The campaign '" + title + "' is not open yet");
    }
    if (!audiences().contains(audience)) {
      throw new CampaignStateException(
          "The campaign '" + title + "' does not ask " + audience.name().toLowerCase());
    }
  }

  public Set<Audience> audiences() {
    Set<Audience> a = new LinkedHashSet<>();
    if (forEmployees) {
      a.add(Audience.EMPLOYEES);
    }
    if (forCustomers) {
      a.add(Audience.CUSTOMERS);
    }
    return a;
  }

  /** Names of the departments in scope, by name. */
  public List<String> departmentNames() {
    return departments.stream().map(Department::getName).sorted().toList();
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public StoredInstrument getInstrument() {
    return instrument;
  }

  public CampaignStatus getStatus() {
    return status;
  }

  public LocalDate getOpensOn() {
    return opensOn;
  }

  public LocalDate getClosesOn() {
    return closesOn;
  }

  public int getAnonymityThreshold() {
    return anonymityThreshold;
  }

  public Transparency getTransparency() {
    return transparency;
  }

  public String getWave() {
    return wave;
  }

  public String getHmacSecret() {
    return hmacSecret;
  }

  public Set<Department> getDepartments() {
    return departments;
  }

  /** The optimistic-lock version: changes with every update of the campaign's row. */
  public int getVersion() {
    return version;
  }
}
