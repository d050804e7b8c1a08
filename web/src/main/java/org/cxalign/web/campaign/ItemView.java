package org.cxalign.web.campaign;

import org.cxalign.analytics.instrument.Item;

/** An item of a survey form as a respondent sees it. */
public record ItemView(
    String id, String text, String dimension, int min, int max, boolean required) {

  public static ItemView of(Item i) {
    return new ItemView(
        i.id(), i.text(), i.dimension(), i.scale().min(), i.scale().max(), i.required());
  }
}
