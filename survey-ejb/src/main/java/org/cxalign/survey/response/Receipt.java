package org.cxalign.survey.response;

import java.time.LocalDate;
import org.cxalign.survey.campaign.Audience;

/**
 * What a respondent gets back for a submission; a retry with the same idempotency key gets the same
 * receipt with {@code created} false.
 */
public record Receipt(long campaignId, Audience audience, LocalDate receivedOn, boolean created) {}
