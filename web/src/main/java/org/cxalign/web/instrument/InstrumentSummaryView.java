package org.cxalign.web.instrument;

import org.cxalign.survey.instrument.InstrumentStatus;
import org.cxalign.survey.instrument.StoredInstrument;

/** A stored instrument version in a list. */
public record InstrumentSummaryView(
    long id,
    String key,
    int version,
    String title,
    InstrumentStatus status,
    boolean builtIn,
    int items) {

  static InstrumentSummaryView of(StoredInstrument i) {
    return new InstrumentSummaryView(
        i.getId(),
        i.getKey(),
        i.getInstrumentVersion(),
        i.getTitle(),
        i.getStatus(),
        i.isBuiltIn(),
        i.instrument().items().size());
  }
}
