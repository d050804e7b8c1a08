package org.cxalign.survey.response;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.survey.aggregate.AggregateOutbox;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.survey.campaign.NotInScopeException;
import org.cxalign.survey.campaign.Transparency;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.participation.AlreadyAnsweredException;
import org.cxalign.survey.participation.Participation;
import org.cxalign.survey.participation.ParticipationKeys;
import org.cxalign.survey.platform.SqlStates;
import org.cxalign.survey.report.Suppression;
import org.cxalign.survey.report.Suppression.Rule;

/** Storing submissions (one transaction each) and counting them. */
@Stateless
public class ResponseService {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @EJB AggregateOutbox outbox;

  /** The employee form of a campaign for a respondent of {@code department}. */
  public List<Item> employeeForm(Campaign campaign, String department) {
    return SubmissionValidator.form(
        campaign.getInstrument().instrument(),
        Audience.EMPLOYEES.population(),
        campaign.departmentNames(),
        department);
  }

  /** The customer form of a campaign. */
  public List<Item> customerForm(Campaign campaign) {
    return SubmissionValidator.form(
        campaign.getInstrument().instrument(),
        Audience.CUSTOMERS.population(),
        campaign.departmentNames(),
        null);
  }

  /**
   * Stores an employee's answers: the response without identity, participation as the HMAC of the
   * subject. A retry with the same idempotency key returns the first receipt (created false).
   *
   * @return empty when there is no such campaign
   * @throws org.cxalign.survey.campaign.CampaignStateException when the campaign is not open
   * @throws NotInScopeException when the department is not in the campaign
   * @throws AlreadyAnsweredException on a second answer
   * @throws InvalidInputException listing every violation
   */
  public Optional<Receipt> submitEmployee(
      long campaignId,
      String subject,
      String department,
      String idempotencyKey,
      Map<String, Object> answers,
      String comment) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      return Optional.empty();
    }
    LocalDate today = today();
    campaign.requireAnswerable(Audience.EMPLOYEES, today);
    Department dept =
        department == null
            ? null
            : campaign.getDepartments().stream()
                .filter(d -> d.getName().equals(department))
                .findFirst()
                .orElse(null);
    if (dept == null) {
      throw new NotInScopeException(
          "Your department ("
              + (department == null ? "none in your account" : department)
              + ") is not asked in the campaign '"
              + campaign.getTitle()
              + "'");
    }
    IdempotencyKey.require(idempotencyKey);
    String hmac = ParticipationKeys.hmac(campaign.getHmacSecret(), subject);
    String keyHash = ParticipationKeys.sha256(idempotencyKey);
    Participation earlier = em.find(Participation.class, new Participation.Key(campaignId, hmac));
    if (earlier != null) {
      if (earlier.getIdempotencyHash().equals(keyHash)) {
        return Optional.of(new Receipt(campaignId, Audience.EMPLOYEES, today, false));
      }
      throw new AlreadyAnsweredException(
          "You have answered the campaign '" + campaign.getTitle() + "' already");
    }
    SubmissionValidator.Result result =
        SubmissionValidator.validate(employeeForm(campaign, department), answers, comment);
    if (!result.valid()) {
      throw new InvalidInputException("The submission is not valid", result.violations());
    }
    try {
      em.persist(new Participation(campaignId, hmac, keyHash));
      em.flush();
    } catch (PersistenceException e) {
      if (SqlStates.causedBy(e, SqlStates.UNIQUE_VIOLATION)) {
        throw new AlreadyAnsweredException(
            "You have answered the campaign '" + campaign.getTitle() + "' already");
      }
      throw e;
    }
    store(campaign, Audience.EMPLOYEES, dept, today, comment, result.values());
    return Optional.of(new Receipt(campaignId, Audience.EMPLOYEES, today, true));
  }

  /**
   * The receipt of a stored employee submission of {@code subject} made with {@code
   * idempotencyKey}, if there is one. For a retry that ran at the same time as its first attempt:
   * it waited for the first attempt's participation row, met the unique key and was refused as a
   * second answer, though it is the same submission.
   */
  public Optional<Receipt> earlierSubmission(
      long campaignId, String subject, String idempotencyKey) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null || idempotencyKey == null || subject == null) {
      return Optional.empty();
    }
    Participation earlier =
        em.find(
            Participation.class,
            new Participation.Key(
                campaignId, ParticipationKeys.hmac(campaign.getHmacSecret(), subject)));
    if (earlier != null
        && earlier.getIdempotencyHash().equals(ParticipationKeys.sha256(idempotencyKey))) {
      return Optional.of(new Receipt(campaignId, Audience.EMPLOYEES, today(), false));
    }
    return Optional.empty();
  }

  /**
   * Stores a validated response (the caller holds the transaction and has checked the rest) with
   * its aggregate outbox row, in the same transaction.
   */
  public void store(
      Campaign campaign,
      Audience audience,
      Department department,
      LocalDate day,
      String comment,
      Map<String, Integer> values) {
    SurveyResponse response =
        new SurveyResponse(campaign, audience, department, day, comment, values);
    em.persist(response);
    em.flush();
    outbox.record(campaign, audience, department, response.getId(), values);
  }

  /**
   * Response rates of a campaign per department in scope and audience: employees against the
   * department headcount, customers against the invitations of that department (and those without
   * one).
   */
  public List<ResponseRate> rates(Campaign campaign) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT d.name, r.audience, COUNT(r) FROM SurveyResponse r LEFT JOIN r.department d"
                    + " WHERE r.campaign = :c GROUP BY d.name, r.audience",
                Object[].class)
            .setParameter("c", campaign)
            .getResultList()) {
      counts.put(row[0] + "|" + row[1], (Long) row[2]);
    }
    Map<String, Long> invited = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT d.name, COUNT(i) FROM Invitation i LEFT JOIN i.department d"
                    + " WHERE i.campaignId = :c GROUP BY d.name",
                Object[].class)
            .setParameter("c", campaign.getId())
            .getResultList()) {
      invited.put(String.valueOf(row[0]), (Long) row[1]);
    }
    List<ResponseRate> rates = new ArrayList<>();
    List<Department> scope =
        campaign.getDepartments().stream()
            .sorted(java.util.Comparator.comparing(Department::getName))
            .toList();
    for (Audience a : campaign.audiences()) {
      for (Department d : scope) {
        long n = counts.getOrDefault(d.getName() + "|" + a, 0L);
        Long base =
            a == Audience.EMPLOYEES
                ? (d.getHeadcount() == null ? null : d.getHeadcount().longValue())
                : invited.getOrDefault(d.getName(), 0L);
        rates.add(ResponseRate.of(d.getName(), a, n, base));
      }
      if (a == Audience.CUSTOMERS) {
        long n = counts.getOrDefault("null|" + a, 0L);
        rates.add(ResponseRate.of(null, a, n, invited.getOrDefault("null", 0L)));
      }
    }
    return rates;
  }

  /**
   * The response rates a viewer may see: an administrator (head department null) every row of
   * {@link #rates}; a department head the rows of their own department, and of every department
   * (and customers without one) only under {@link Transparency#ALL_DEPARTMENTS}, each count under
   * the campaign's k as the reports apply it: the partition of {@link Suppression} over the
   * employee counts per department (primary below k, secondary so that no hidden department can be
   * derived), and likewise over the customer counts per invitation department. A hidden count (and
   * its rate) is null with the rule.
   */
  public List<ResponseRate> rates(Campaign campaign, String headDepartment) {
    List<ResponseRate> all = rates(campaign);
    if (headDepartment == null) {
      return all;
    }
    Map<Audience, Map<String, Long>> counts = new EnumMap<>(Audience.class);
    for (ResponseRate r : all) {
      counts
          .computeIfAbsent(r.audience(), a -> new TreeMap<>())
          .put(r.department() == null ? "" : r.department(), r.responses());
    }
    Map<Audience, Suppression.Result> partition = new EnumMap<>(Audience.class);
    counts.forEach(
        (a, n) -> partition.put(a, Suppression.apply(n, campaign.getAnonymityThreshold())));
    boolean everyDepartment = campaign.getTransparency() == Transparency.ALL_DEPARTMENTS;
    List<ResponseRate> shown = new ArrayList<>();
    for (ResponseRate r : all) {
      if (!everyDepartment && !headDepartment.equals(r.department())) {
        continue;
      }
      Rule why =
          partition.get(r.audience()).hidden().get(r.department() == null ? "" : r.department());
      shown.add(why == null ? r : r.hidden(why));
    }
    return shown;
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
