package org.cxalign.survey.campaign;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.cxalign.survey.aggregate.AggregateState;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.department.DepartmentRepository;
import org.cxalign.survey.instrument.StoredInstrument;
import org.cxalign.survey.participation.ParticipationKeys;

/** Use cases on campaigns. */
@Stateless
public class CampaignService {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @Inject DepartmentRepository departments;

  public List<Campaign> list() {
    return em.createNamedQuery("Campaign.all", Campaign.class).getResultList();
  }

  public Optional<Campaign> find(long id) {
    return Optional.ofNullable(em.find(Campaign.class, id));
  }

  /**
   * Creates a draft campaign. Its instrument, if a draft, is published (frozen) now.
   *
   * @throws InvalidInputException listing every unknown reference and bad date order
   */
  public Campaign create(NewCampaign c) {
    List<FieldViolation> violations = new ArrayList<>();
    StoredInstrument instrument = em.find(StoredInstrument.class, c.instrumentId());
    if (instrument == null) {
      violations.add(new FieldViolation("instrumentId", "no instrument " + c.instrumentId()));
    }
    List<Department> scope = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(c.departmentIds())) {
      departments
          .findById(id)
          .ifPresentOrElse(
              scope::add,
              () -> violations.add(new FieldViolation("departmentIds", "no department " + id)));
    }
    if (c.closesOn().isBefore(c.opensOn())) {
      violations.add(new FieldViolation("closesOn", "must not be before opensOn"));
    }
    if (c.anonymityThreshold() < Campaign.MIN_K) {
      violations.add(
          new FieldViolation("anonymityThreshold", "must be at least " + Campaign.MIN_K));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The campaign is not valid", violations);
    }
    instrument.publish();
    Campaign campaign =
        new Campaign(
            c.title().strip(),
            instrument,
            scope,
            c.audiences(),
            c.opensOn(),
            c.closesOn(),
            c.anonymityThreshold(),
            c.transparency(),
            c.wave() == null || c.wave().isBlank() ? null : c.wave().strip(),
            ParticipationKeys.newSecret(),
            today());
    em.persist(campaign);
    em.flush();
    em.persist(AggregateState.ofNewCampaign(campaign.getId()));
    return campaign;
  }

  public Optional<Campaign> open(long id) {
    return find(id).map(this::lockAnd).map(c -> step(c, true));
  }

  public Optional<Campaign> close(long id) {
    return find(id).map(this::lockAnd).map(c -> step(c, false));
  }

  private Campaign lockAnd(Campaign c) {
    em.lock(c, LockModeType.PESSIMISTIC_WRITE);
    return c;
  }

  private Campaign step(Campaign c, boolean open) {
    if (open) {
      c.open();
    } else {
      c.close();
    }
    em.flush();
    return c;
  }

  /** Open campaigns whose departments include {@code departmentName} and that take employees. */
  public List<Campaign> openForEmployees(String departmentName, LocalDate today) {
    return em.createNamedQuery("Campaign.byStatus", Campaign.class)
        .setParameter("status", CampaignStatus.OPEN)
        .getResultStream()
        .filter(c -> !c.isDue(today) && !today.isBefore(c.getOpensOn()))
        .filter(c -> c.audiences().contains(Audience.EMPLOYEES))
        .filter(c -> c.departmentNames().contains(departmentName))
        .toList();
  }

  /**
   * Closes every open campaign whose close date lies before {@code today}.
   *
   * @return the ids closed
   */
  public List<Long> closeDue(LocalDate today) {
    List<Long> closed = new ArrayList<>();
    for (Campaign c :
        em.createNamedQuery("Campaign.byStatus", Campaign.class)
            .setParameter("status", CampaignStatus.OPEN)
            .getResultList()) {
      if (c.isDue(today)) {
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        if (c.isDue(today)) {
          c.close();
          closed.add(c.getId());
        }
      }
    }
    return closed;
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
