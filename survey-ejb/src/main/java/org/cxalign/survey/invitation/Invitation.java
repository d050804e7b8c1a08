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
 * A customer's one-time link. Only the SHA-256 of the token is stored; the e-mail address is not
 * stored at all. Once used it cannot be used again; the response it produced is not linked to it.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(
    name = "Invitation.byHash",
    query = "SELECT i FROM Invitation i WHERE i.tokenHash = :hash")
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
