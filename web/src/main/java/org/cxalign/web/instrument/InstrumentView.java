package org.cxalign.web.instrument;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.cxalign.survey.instrument.InstrumentStatus;
import org.cxalign.survey.instrument.StoredInstrument;
import org.cxalign.web.json.JsonP;

/**
 * A stored instrument version with its full definition (the instrument JSON: dimensions and items
 * with id, text, dimension, model, population, scale, matched item, required).
 */
public record InstrumentView(
    long id,
    String key,
    int version,
    String title,
    InstrumentStatus status,
    boolean builtIn,
    JsonObject definition) {

  static InstrumentView of(StoredInstrument i) {
    try (var reader = JsonP.reader(new StringReader(i.getDefinition()))) {
      return new InstrumentView(
          i.getId(),
          i.getKey(),
          i.getInstrumentVersion(),
          i.getTitle(),
          i.getStatus(),
          i.isBuiltIn(),
          reader.readObject());
    }
  }
}
