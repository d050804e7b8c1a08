package org.cxalign.survey.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.CampaignService;
import org.cxalign.survey.campaign.NewCampaign;
import org.cxalign.survey.campaign.Transparency;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.department.DepartmentRepository;
import org.cxalign.survey.instrument.InstrumentService;
import org.cxalign.survey.instrument.StoredInstrument;
import org.cxalign.survey.response.ResponseService;
import org.cxalign.survey.response.SubmissionValidator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds, once (by its title), a closed demo campaign of the built-in instrument over the eight demo
 * departments with simulated employee and customer answers, stored through {@link
 * ResponseService#store} so that the aggregates count them like any other response.
 *
 * <p>The simulation (fixed seed, so every installation shows the same picture): each department has
 * a true level on the 1–5 scale and a spread; an answer is that level plus a per-item offset plus
 * noise, rounded and clipped to the scale. Most departments are aligned (levels 3.7–4.1, small
 * spread); Operations is weak (low level, wide spread, rated low by the others); People & Culture
 * has only 3 respondents, fewer than k = 5, so its figures are suppressed. Customers rate lower
 * than employees on the matched items (a perception gap).
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "DemoOrganisation", "BuiltInInstrument"})
public class DemoCampaign {

  private static final Logger LOG = Logger.getLogger(DemoCampaign.class.getName());

  /** The demo campaign's title (how the seeding recognises it). */
  public static final String TITLE = "Demo: CX alignment wave 2026";

  /** A simulated department: name, respondents, true level, spread. */
  record Profile(String name, int respondents, double level, double spread) {}

  static final List<Profile> PROFILES =
      List.of(
          new Profile("Sales", 38, 3.9, 0.6),
          new Profile("Marketing", 22, 3.8, 0.6),
          new Profile("Customer Service", 55, 4.1, 0.5),
          new Profile("Product", 27, 3.8, 0.6),
          new Profile("Engineering", 41, 3.7, 0.6),
          new Profile("Operations", 30, 2.5, 1.1),
          new Profile("Finance", 12, 3.9, 0.7),
          new Profile("People & Culture", 3, 3.9, 0.6));

  /** Customers: how many, attached to which department ("" = none), their level. */
  static final int CUSTOMERS = 160;

  static final double CUSTOMER_LEVEL = 3.2;
  static final String WEAK = "Operations";

  private static final String[] COMMENTS = {
    "Handovers to the other teams work well most of the time.",
    "We hear about customer problems too late.",
    "Good collaboration with Customer Service on escalations.",
    "Priorities differ between departments; customers notice.",
    "The new CRM finally shows the whole customer history."
  };

  @Inject
  @ConfigProperty(name = "cxalign.demo.seed", defaultValue = "false")
  boolean seed;

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @EJB CampaignService campaigns;
  @EJB InstrumentService instruments;
  @EJB ResponseService responses;
  @Inject DepartmentRepository departments;

  @PostConstruct
  void seedOnce() {
    if (!seed) {
      return;
    }
    long existing =
        em.createQuery("SELECT COUNT(c) FROM Campaign c WHERE c.title = :t", Long.class)
            .setParameter("t", TITLE)
            .getSingleResult();
    if (existing > 0) {
      return;
    }
    List<Department> scope = new ArrayList<>();
    for (Profile p : PROFILES) {
      Optional<Department> d = departments.findByName(p.name());
      if (d.isEmpty()) {
        LOG.warning(() -> "No demo campaign: department " + p.name() + " is missing");
        return;
      }
      scope.add(d.get());
    }
    StoredInstrument instrument = instruments.ensureBuiltIn();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Campaign campaign =
        campaigns.create(
            new NewCampaign(
                TITLE,
                instrument.getId(),
                scope.stream().map(Department::getId).toList(),
                EnumSet.of(Audience.EMPLOYEES, Audience.CUSTOMERS),
                today.minusDays(30),
                today.minusDays(2),
                Campaign.DEFAULT_K,
                Transparency.ALL_DEPARTMENTS,
                "Demo"));
    campaigns.open(campaign.getId());
    int stored = simulate(campaign, instrument.instrument(), scope, today);
    campaigns.close(campaign.getId());
    LOG.info(() -> "Seeded the demo campaign " + campaign.getId() + " with " + stored + " answers");
  }

  private int simulate(
      Campaign campaign, Instrument instrument, List<Department> scope, LocalDate today) {
    SplittableRandom random = new SplittableRandom(2026);
    Map<String, Double> itemOffset = new LinkedHashMap<>();
    for (Item it : instrument.items()) {
      itemOffset.put(it.id(), random.nextGaussian() * 0.35);
    }
    int min = instrument.scale().min();
    int max = instrument.scale().max();
    int stored = 0;
    for (int d = 0; d < scope.size(); d++) {
      Profile p = PROFILES.get(d);
      Department dept = scope.get(d);
      List<Item> form =
          SubmissionValidator.form(
              instrument,
              Audience.EMPLOYEES.population(),
              campaign.departmentNames(),
              dept.getName());
      for (int r = 0; r < p.respondents(); r++) {
        double person = random.nextGaussian() * p.spread() * 0.6;
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Item it : form) {
          if (random.nextInt(25) == 0) {
            continue; // an item left out now and then
          }
          double level;
          double spread;
          Optional<String> target = instrument.collaborationTarget(it.id());
          if (target.isPresent()) {
            boolean weakLink = target.get().equals(WEAK) || p.name().equals(WEAK);
            level = weakLink ? 2.4 : 3.9;
            spread = weakLink ? 1.0 : 0.6;
          } else {
            level = p.level() + itemOffset.getOrDefault(it.id(), 0.0);
            spread = p.spread();
          }
          values.put(it.id(), clip(level + person + random.nextGaussian() * spread, min, max));
        }
        String comment = random.nextInt(6) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
        responses.store(campaign, Audience.EMPLOYEES, dept, day(random, today), comment, values);
        stored++;
      }
    }
    List<Item> customerForm =
        SubmissionValidator.form(
            instrument, Audience.CUSTOMERS.population(), campaign.departmentNames(), null);
    for (int r = 0; r < CUSTOMERS; r++) {
      int pick = random.nextInt(4);
      Department dept =
          pick == 0 ? null : scope.get(pick == 1 ? 0 : pick == 2 ? 2 : 3); // Sales, CS, Product
      double person = random.nextGaussian() * 0.5;
      Map<String, Integer> values = new LinkedHashMap<>();
      for (Item it : customerForm) {
        if (random.nextInt(20) == 0) {
          continue;
        }
        double level = CUSTOMER_LEVEL + itemOffset.getOrDefault(it.id(), 0.0);
        values.put(it.id(), clip(level + person + random.nextGaussian() * 0.8, min, max));
      }
      responses.store(campaign, Audience.CUSTOMERS, dept, day(random, today), null, values);
      stored++;
    }
    return stored;
  }

  private static int clip(double x, int min, int max) {
    return (int) Math.max(min, Math.min(max, Math.round(x)));
  }

  private static LocalDate day(SplittableRandom random, LocalDate today) {
    return today.minusDays(2 + random.nextInt(28));
  }
}
