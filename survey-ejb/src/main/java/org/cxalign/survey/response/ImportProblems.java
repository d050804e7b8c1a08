package org.cxalign.survey.response;

import jakarta.batch.runtime.context.StepContext;
import java.util.ArrayList;

/**
 * The problems of an import, kept as the check step's persistent user data (first 1000).
 *
 * <p>The batch runtime hands out the persistent user data as a copy (it deserialises it on every
 * read), so the step works on one list kept as its transient user data and hands the persistent
 * data a new value only while the list grows: a file with many bad lines costs one list, not a copy
 * of up to 1000 problems per bad line.
 */
final class ImportProblems {

  static final int MAX = 1000;

  private ImportProblems() {}

  static void add(StepContext step, ImportProblem p) {
    ArrayList<ImportProblem> list = current(step);
    if (list.size() < MAX) {
      list.add(p);
      step.setPersistentUserData(list);
    }
  }

  static int count(StepContext step) {
    return current(step).size();
  }

  @SuppressWarnings("unchecked")
  private static ArrayList<ImportProblem> current(StepContext step) {
    if (step.getTransientUserData() instanceof ArrayList<?> kept) {
      return (ArrayList<ImportProblem>) kept;
    }
    Object stored = step.getPersistentUserData(); // a restarted step goes on from its checkpoint
    ArrayList<ImportProblem> list =
        stored == null ? new ArrayList<>() : new ArrayList<>((ArrayList<ImportProblem>) stored);
    step.setTransientUserData(list);
    return list;
  }
}
