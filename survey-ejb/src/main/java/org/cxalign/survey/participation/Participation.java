package org.cxalign.survey.participation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * That someone answered a campaign: the campaign and the HMAC of their subject, nothing else (no
 * time, no link to the response). The hash of the idempotency key lets a retry be recognised.
 */
@Entity
@Table(name = "participation")
@IdClass(Participation.Key.class)
public class Participation {

  @Id
  @Column(name = "campaign_id")
  private Long campaignId;

  @Id
  @Column(name = "subject_hmac", length = 64)
  private String subjectHmac;

  @Column(name = "idempotency_hash", nullable = false, length = 64)
  private String idempotencyHash;

  protected Participation() {}

  public Participation(long campaignId, String subjectHmac, String idempotencyHash) {
    this.campaignId = campaignId;
    this.subjectHmac = Objects.requireNonNull(subjectHmac);
    this.idempotencyHash = Objects.requireNonNull(idempotencyHash);
  }

  public String getIdempotencyHash() {
    return idempotencyHash;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long campaignId;
    private String subjectHmac;

    public Key() {}

    public Key(Long campaignId, String subjectHmac) {
      this.campaignId = campaignId;
      this.subjectHmac = subjectHmac;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(campaignId, k.campaignId)
          && Objects.equals(subjectHmac, k.subjectHmac);
    }

    @Override
    public int hashCode() {
      return Objects.hash(campaignId, subjectHmac);
    }
  }
}
