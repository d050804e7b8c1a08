package org.cxalign.survey.invitation;

import java.util.List;

/**
 * What an invitation request produced: the number of e-mails sent and the anonymous links (their
 * tokens are shown only here, once; only their hashes are stored).
 */
public record Invitations(int emailed, List<String> links) {}
