package org.cxalign.survey.campaign;

import jakarta.ejb.ApplicationException;

/** The campaign's state does not allow the operation (answering a closed campaign, ...). */
@ApplicationException(rollback = true)
public class CampaignStateException extends RuntimeException {

  public CampaignStateException(String message) {
    super(message);
  }
}
