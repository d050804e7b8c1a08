package org.cxalign.analytics.stat;

/** Two-sample data shared by the perception-gap tests (the R vectors of the same names). */
final class GapData {

  // x <- c(4,5,3,4,4,2,5,4,3,4,5,4); y <- c(3,2,4,3,3,1,2,3,4)   (1..5 answers, many ties)
  static final double[] X = {4, 5, 3, 4, 4, 2, 5, 4, 3, 4, 5, 4};
  static final double[] Y = {3, 2, 4, 3, 3, 1, 2, 3, 4};

  // set.seed(5); a <- round(rnorm(15, 3.2, 0.7), 3); b <- round(rnorm(11, 3.0, 0.9), 3)
  static final double[] A = {
    2.611, 4.169, 2.321, 3.249, 4.398, 2.778, 2.869, 2.755, 3, 3.297, 4.059, 2.639, 2.444, 3.09,
    2.45
  };
  static final double[] B = {
    2.875, 2.462, 1.034, 3.217, 2.767, 3.81, 3.848, 4.321, 3.636, 3.737, 2.736
  };

  private GapData() {}
}
