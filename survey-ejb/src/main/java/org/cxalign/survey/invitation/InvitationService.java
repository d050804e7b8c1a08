package org.cxalign.survey.invitation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.CampaignStateException;
import org.cxalign.survey.campaign.CampaignStatus;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.participation.ParticipationKeys;
import org.cxalign.survey.response.IdempotencyKey;
import org.cxalign.survey.response.Receipt;
import org.cxalign.survey.response.ResponseService;
import org.cxalign.survey.response.SubmissionValidator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Customer invitations: one-time links, e-mailed or handed out, and answers through them. */
@Stateless
public class InvitationService {

  /** Most invitations one request may create. */
  public static final int MAX_PER_REQUEST = 10_000;

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @Inject InvitationMailer mailer;

  @Inject ResponseService responses;

  @Inject
  @ConfigProperty(name = "cxalign.public-url", defaultValue = "http://127.0.0.1:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "cxalign.invitation.valid-days", defaultValue = "30")
  int defaultValidDays;

  /** The link a customer follows for a token. */
  public String link(String token) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + "/api/survey/" + token;
  }

  /**
   * Creates invitations: one e-mailed link per invitee and {@code anonymousLinks} links returned to
   * the caller. All or nothing: an unknown department or an unreachable SMTP server stores none.
   *
   * @return empty when there is no such campaign
   */
  public Optional<Invitations> invite(
      long campaignId, List<Invitee> invitees, int anonymousLinks, Integer validDays) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      return Optional.empty();
    }
    if (!campaign.audiences().contains(Audience.CUSTOMERS)) {
      throw new CampaignStateException(
          "The campaign '" + campaign.getTitle() + "' does not ask customers");
    }
    if (campaign.getStatus() == CampaignStatus.CLOSED) {
      throw new CampaignStateException("The campaign '" + campaign.getTitle() + "' is closed");
    }
    List<FieldViolation> violations = new ArrayList<>();
    if (invitees.size() + anonymousLinks > MAX_PER_REQUEST) {
      violations.add(
          new FieldViolation("emails", "at most " + MAX_PER_REQUEST + " invitations per request"));
    }
    List<Department> depts = new ArrayList<>();
    for (int i = 0; i < invitees.size(); i++) {
      Long d = invitees.get(i).departmentId();
      if (d == null) {
        depts.add(null);
        continue;
      }
      Department dept =
          campaign.getDepartments().stream()
              .filter(x -> x.getId().equals(d))
              .findFirst()
              .orElse(null);
      if (dept == null) {
        violations.add(
            new FieldViolation(
                "emails[" + i + "].departmentId", "department " + d + " is not in the campaign"));
      }
      depts.add(dept);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The invitations are not valid", violations);
    }
    Instant expires =
        Instant.now().plus(Duration.ofDays(validDays == null ? defaultValidDays : validDays));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int i = 0; i < invitees.size(); i++) {
      String token = ParticipationKeys.newSecret();
      em.persist(
          new Invitation(
              campaignId,
              ParticipationKeys.sha256(token),
              depts.get(i),
              expires,
              today,
              invitees.get(i).email()));
      em.flush();
      mailer.send(invitees.get(i).email(), campaign.getTitle(), link(token));
    }
    List<String> links = new ArrayList<>();
    for (int i = 0; i < anonymousLinks; i++) {
      String token = ParticipationKeys.newSecret();
      em.persist(new Invitation(campaignId, ParticipationKeys.sha256(token), null, expires, today));
      links.add(link(token));
    }
    em.flush();
    return Optional.of(new Invitations(invitees.size(), links));
  }

  /**
   * Sends a reminder to every unused, unexpired e-mailed invitation of an open campaign, each with
   * a new link: tokens are stored hashed only, so the token is replaced and the old link stops
   * working. All or nothing: an unreachable SMTP server keeps the old tokens.
   *
   * @return the number of reminders sent, or empty when there is no such campaign
   * @throws CampaignStateException when the campaign is not open or does not ask customers
   */
  public Optional<Integer> remind(long campaignId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      return Optional.empty();
    }
    if (!campaign.audiences().contains(Audience.CUSTOMERS)) {
      throw new CampaignStateException(
          "The campaign '" + campaign.getTitle() + "' does not ask customers");
    }
    if (campaign.getStatus() != CampaignStatus.OPEN) {
      throw new CampaignStateException(
          "The campaign '" + campaign.getTitle() + "' is not open; reminders go out while open");
    }
    List<Invitation> pending =
        em.createNamedQuery("Invitation.remindable", Invitation.class)
            .setParameter("campaign", campaignId)
            .setParameter("now", java.time.LocalDateTime.now(ZoneOffset.UTC))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (Invitation inv : pending) {
      String token = ParticipationKeys.newSecret();
      String replaced = inv.rotate(ParticipationKeys.sha256(token));
      em.createNativeQuery("INSERT INTO retired_token (token_hash, retired_on) VALUES (?1, ?2)")
          .setParameter(1, replaced)
          .setParameter(2, LocalDate.now(ZoneOffset.UTC))
          .executeUpdate();
      em.flush();
      mailer.sendReminder(inv.getEmail(), campaign.getTitle(), link(token));
    }
    return Optional.of(pending.size());
  }

  /** An invitation that may still be answered, and its campaign. */
  public record Usable(Invitation invitation, Campaign campaign) {}

  /**
   * The campaign behind a token that can still be used.
   *
   * @return empty for an unknown token
   * @throws TokenGoneException when used or expired
   */
  public Optional<Usable> open(String token) {
    return find(token, false)
        .map(
            inv -> {
              requireUsable(inv, Instant.now());
              Campaign c = em.find(Campaign.class, inv.getCampaignId());
              c.requireAnswerable(Audience.CUSTOMERS, LocalDate.now(ZoneOffset.UTC));
              return new Usable(inv, c);
            });
  }

  /**
   * Stores a customer's answers through a token, marking it used in the same transaction. A retry
   * with the same idempotency key returns the first receipt.
   *
   * @return empty for an unknown token
   */
  public Optional<Receipt> submit(
      String token, String idempotencyKey, Map<String, Object> answers, String comment) {
    Optional<Invitation> found = find(token, true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Invitation inv = found.get();
    IdempotencyKey.require(idempotencyKey);
    String keyHash = ParticipationKeys.sha256(idempotencyKey);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (inv.isUsed() && keyHash.equals(inv.getIdempotencyHash())) {
      return Optional.of(new Receipt(inv.getCampaignId(), Audience.CUSTOMERS, today, false));
    }
    requireUsable(inv, Instant.now());
    Campaign campaign = em.find(Campaign.class, inv.getCampaignId());
    campaign.requireAnswerable(Audience.CUSTOMERS, today);
    SubmissionValidator.Result result =
        SubmissionValidator.validate(responses.customerForm(campaign), answers, comment);
    if (!result.valid()) {
      throw new InvalidInputException("The submission is not valid", result.violations());
    }
    inv.use(keyHash);
    responses.store(
        campaign, Audience.CUSTOMERS, inv.getDepartment(), today, comment, result.values());
    return Optional.of(new Receipt(campaign.getId(), Audience.CUSTOMERS, today, true));
  }

  static void requireUsable(Invitation inv, Instant now) {
    if (inv.isUsed()) {
      throw new TokenGoneException("This survey link has been used already; it works only once");
    }
    if (inv.isExpired(now)) {
      throw new TokenGoneException("This survey link has expired");
    }
  }

  private Optional<Invitation> find(String token, boolean lock) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = ParticipationKeys.sha256(token);
    // locked by the query itself (SELECT ... FOR UPDATE): one round trip, and a concurrent use of
    // the same token waits here and then sees the row as that transaction left it
    var query =
        em.createNamedQuery("Invitation.byHash", Invitation.class).setParameter("hash", hash);
    if (lock) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    Optional<Invitation> inv = query.getResultStream().findFirst();
    if (inv.isEmpty()
        && ((Number)
                    em.createNativeQuery("SELECT COUNT(*) FROM retired_token WHERE token_hash = ?1")
                        .setParameter(1, hash)
                        .getSingleResult())
                .longValue()
            > 0) {
      throw new TokenGoneException(
          "This survey link was replaced by the newer link of a reminder e-mail");
    }
    return inv;
  }
}
