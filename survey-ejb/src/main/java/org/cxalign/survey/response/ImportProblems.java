package org.cxalign.survey.response;

import jakarta.batch.runtime.context.StepContext;
import java.util.ArrayList;

/** The problems of an import, kept as the check step's persistent user data (first 1000). */
final class ImportProblems {

  static final int MAX = 1000;

  private ImportProblems() {}

  @SuppressWarnings("unchecked")
  static void add(StepContext step, ImportProblem p) {
    ArrayList<ImportProblem> list = (ArrayList<ImportProblem>) step.getPersistentUserData();
    if (list == null) {
      list = new ArrayList<>();
    }
    if (list.size() < MAX) {
      list.add(p);
    }
    step.setPersistentUserData(list);
  }

  @SuppressWarnings("unchecked")
  static int count(StepContext step) {
    Object data = step.getPersistentUserData();
    return data == null ? 0 : ((ArrayList<ImportProblem>) data).size();
  }
}
