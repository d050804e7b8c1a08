package org.cxalign.survey.response;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * After the check step: in {@code REJECT_ALL} mode a file with any problem ends the job with exit
 * status {@code REJECTED} before anything is stored.
 */
@Named("importCheckListener")
@Dependent
public class ImportCheckListener extends AbstractStepListener {

  @Inject
  @BatchProperty(name = "mode")
  String mode;

  @Inject StepContext step;

  @Override
  public void afterStep() {
    int problems = ImportProblems.count(step);
    if (problems > 0 && ImportMode.REJECT_ALL.name().equals(mode)) {
      step.setExitStatus("INVALID");
    } else {
      step.setExitStatus("CHECKED");
    }
  }
}
