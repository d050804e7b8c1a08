package org.cxalign.survey.response;

/** What an import does with bad rows. */
public enum ImportMode {
  /** Any bad row rejects the whole file; nothing is stored. */
  REJECT_ALL,
  /** Bad rows are reported and left out; the good ones are stored. */
  SKIP_INVALID
}
