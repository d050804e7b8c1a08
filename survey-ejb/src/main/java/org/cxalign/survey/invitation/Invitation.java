package org.cxalign.survey.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.cxalign.survey.department.Department;

/**
 * A customer's one-time link. Only the SHA-256 of the token is stored. The e-mail address of an
 * e-mailed link is kept only while the link is unused (for reminders) and erased when it is used.
 * Once used it cannot be used again; the response it produced is not linked to it.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(
    name = "Invitation.byHash",
    query = "SELECT i FROM Invitation i WHERE i.tokenHash = :hash")
@NamedQuery(
    name = "Invitation.remindable",
    query =
        "SELECT i FROM Invitation i WHERE i.campaignId = :campaign AND i.used = false"
            + " AND i.email IS NOT NULL AND i.expiresAt > :now ORDER BY i.id")
public class Invitation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "campaign_id", nullable = false)
  private Long campaignId;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "department_id")
  private Department department;

  /** UTC. */
  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  /** Only while unused; null for anonymous links. */
  @Column(length = 320)
  private String email;

  @Column(nullable = false)
  private boolean used;

  @Column(name = "idempotency_hash", length = 64)
  private String idempotencyHash;

  @Column(name = "created_on", nullable = false)
  private LocalDate createdOn;

  @Version private int version;

  protected Invitation() {}

  public Invitation(
      long campaignId,
      String tokenHash,
      Department department,
      Instant expiresAt,
      LocalDate createdOn) {
    this(campaignId, tokenHash, department, expiresAt, createdOn, null);
  }

  /** An e-mailed link: the address is kept until the link is used. */
  public Invitation(
      long campaignId,
      String tokenHash,
      Department department,
      Instant expiresAt,
      LocalDate createdOn,
      String email) {
    this.email = email;
    this.campaignId = campaignId;
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.department = department;
    this.expiresAt = LocalDateTime.ofInstant(expiresAt, ZoneOffset.UTC);
    this.createdOn = Objects.requireNonNull(createdOn);
  }

  /** Whether the link has expired at {@code now}. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt.toInstant(ZoneOffset.UTC));
  }

  /** Marks the link used by the submission with this idempotency-key hash. */
  public void use(String idempotencyHash) {
    if (used) {
      throw new IllegalStateException("invitation used already");
    }
    this.used = true;
    this.idempotencyHash = Objects.requireNonNull(idempotencyHash);
    this.email = null;
  }

  /**
   * Replaces the token (for a reminder): the old link stops working, only the new hash is kept.
   *
   * @return the replaced hash
   * @throws IllegalStateException if the link is used already
   */
  public String rotate(String newTokenHash) {
    if (used) {
      throw new IllegalStateException("invitation used already");
    }
    String old = tokenHash;
    this.tokenHash = Objects.requireNonNull(newTokenHash);
    return old;
  }

  /** The address, while the link is unused; null for anonymous links. */
  public String getEmail() {
    return email;
  }

  public Long getId() {
    return id;
  }

  public Long getCampaignId() {
    return campaignId;
  }

  public Department getDepartment() {
    return department;
  }

  public boolean isUsed() {
    return used;
  }

  public String getIdempotencyHash() {
    return idempotencyHash;
  }
}
