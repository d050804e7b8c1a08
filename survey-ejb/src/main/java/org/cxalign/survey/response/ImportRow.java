package org.cxalign.survey.response;

import java.util.Map;
import org.cxalign.survey.campaign.Audience;

/** A validated import row, ready to store (the respondent id of the file is dropped). */
public record ImportRow(
    long line, Audience audience, String department, Map<String, Integer> values) {}
