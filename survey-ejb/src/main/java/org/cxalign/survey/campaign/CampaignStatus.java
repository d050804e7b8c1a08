package org.cxalign.survey.campaign;

/** Life cycle of a campaign: draft → open → closed. */
public enum CampaignStatus {
  DRAFT,
  OPEN,
  CLOSED
}
