package org.cxalign.survey.instrument;

/** Life cycle of a stored instrument version. */
public enum InstrumentStatus {
  /** Editable; becomes {@link #PUBLISHED} when a campaign first uses it. */
  DRAFT,
  /** Immutable: built in, or used by a campaign. */
  PUBLISHED
}
