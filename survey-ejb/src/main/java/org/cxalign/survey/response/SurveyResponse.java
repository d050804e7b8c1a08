package org.cxalign.survey.response;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.department.Department;

/**
 * One submitted questionnaire. It carries no identity of the respondent (no user, subject, token or
 * invitation) and only the day it was received; the department is the respondent's own (employees,
 * from the token claim) or the one the invitation names (customers), possibly none.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "campaign_id")
  private Campaign campaign;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Audience audience;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "department_id")
  private Department department;

  @Column(name = "submitted_on", nullable = false)
  private LocalDate submittedOn;

  @Column(name = "comment_text", length = SubmissionValidator.MAX_COMMENT_LENGTH)
  private String comment;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "response_answer", joinColumns = @JoinColumn(name = "response_id"))
  @MapKeyColumn(name = "item_id", length = 200)
  @Column(name = "answer_value", nullable = false)
  private Map<String, Integer> answers = new HashMap<>();

  protected SurveyResponse() {}

  public SurveyResponse(
      Campaign campaign,
      Audience audience,
      Department department,
      LocalDate submittedOn,
      String comment,
      Map<String, Integer> answers) {
    this.campaign = Objects.requireNonNull(campaign);
    this.audience = Objects.requireNonNull(audience);
    this.department = department;
    this.submittedOn = Objects.requireNonNull(submittedOn);
    this.comment = comment == null || comment.isBlank() ? null : comment;
    this.answers.putAll(answers);
  }

  public Long getId() {
    return id;
  }

  public Audience getAudience() {
    return audience;
  }

  public LocalDate getSubmittedOn() {
    return submittedOn;
  }
}
