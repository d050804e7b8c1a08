package org.cxalign.survey.report;

import java.util.function.Consumer;

/** The responses of one campaign; may be read more than once (each call streams them all). */
@FunctionalInterface
public interface ResponseSource {
  void forEach(Consumer<ResponseRow> action);
}
