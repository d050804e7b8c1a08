/**
 * Stored instruments: versions of {@link org.cxalign.analytics.instrument.Instrument} kept as their
 * JSON, the built-in one stored on first start; drafts are editable, published versions immutable.
 */
package org.cxalign.survey.instrument;
