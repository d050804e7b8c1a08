package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntraclassCorrelationTest {

  /** Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges. */
  private static final double[][] SHROUT_FLEISS = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
  };

  private static final List<String> NAMES =
      List.of("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k");

  @Test
  void shroutFleissPublishedValues() {
    // Shrout & Fleiss (1979), Table 4: ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71,
    // ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91 (two decimals)
    double[] published = {0.17, 0.29, 0.71, 0.44, 0.62, 0.91};
    IccResult r = IntraclassCorrelation.of(SHROUT_FLEISS);
    for (int i = 0; i < 6; i++) {
      assertEquals(NAMES.get(i), r.forms().get(i).name());
      assertEquals(published[i], r.forms().get(i).value(), 0.005, NAMES.get(i));
    }
  }

  @Test
  void shroutFleissAgreesWithPsychIcc() {
    // library(psych)
    // sf <- matrix(c(9,2,5,8, 6,1,3,2, 8,4,6,8, 7,1,2,6, 10,5,6,9, 6,2,4,7), ncol = 4, byrow =
    // TRUE)
    // ICC(sf, lmer = FALSE)$results[, 2:8]   (ICC, F, df1, df2, p, lower bound, upper bound)
    double[][] expected = {
      {
        0.16574176840547555,
        1.794678492239469,
        5,
        18,
        0.16476880834463961123,
        -0.132932324874750873,
        0.72256006232812109
      },
      {
        0.28976377952755922,
        11.027247956403272,
        5,
        15,
        0.00013456651648433693,
        0.018786513374712047,
        0.76108436964895310
      },
      {
        0.71484071484071487,
        11.027247956403272,
        5,
        15,
        0.00013456651648433693,
        0.342464765033925367,
        0.94585825995535955
      },
      {
        0.44279713367926893,
        1.794678492239469,
        5,
        18,
        0.16476880834463961123,
        -0.884442155238118977,
        0.91241542034077561
      },
      {
        0.62005054759898925,
        11.027247956403272,
        5,
        15,
        0.00013456651648433693,
        0.071136815302503487,
        0.92723204016772198
      },
      {
        0.90931554237706946,
        11.027247956403272,
        5,
        15,
        0.00013456651648433693,
        0.675674713816304728,
        0.98589167816906231
      },
    };
    assertForms(expected, IntraclassCorrelation.of(SHROUT_FLEISS), 1e-9);
  }

  @Test
  void psychDefaultLmerAgreesToItsOptimiserTolerance() {
    // ICC(sf)$results[, 2]   (lmer = TRUE, the psych default; REML by lme4)
    double[] lmer = {
      0.16574228618498549, 0.28976419371026013, 0.71484151151193343,
      0.44279805759015328, 0.62005102172924642, 0.90931586465418945
    };
    IccResult r = IntraclassCorrelation.of(SHROUT_FLEISS);
    for (int i = 0; i < 6; i++) {
      assertEquals(lmer[i], r.forms().get(i).value(), 1e-5);
    }
  }

  @Test
  void generatedDataAgreesWithPsychIcc() {
    // set.seed(99); t0 <- rnorm(10, 3, 1)
    // R <- sapply(1:3, function(j) round(t0 + rnorm(10, j * 0.2, 0.6), 1))
    // ICC(R, lmer = FALSE)$results[, 2:8]
    double[][] ratings = {
      {3, 4.3, 4.6}, {4.2, 4.3, 4.3}, {3.7, 3.5, 3.6}, {2.1, 3.6, 4.1}, {1, 3.2, 1.9},
      {3.3, 3.9, 2.9}, {2.1, 2.9, 2.6}, {2.6, 3.6, 4.1}, {3.1, 2.2, 3.3}, {2.1, 2.9, 2.5},
    };
    double[][] expected = {
      {
        0.42399549556594729,
        3.2082926034538897,
        9,
        20,
        0.0143256039430485777,
        0.041856819261757647,
        0.78204811399328655
      },
      {
        0.45376879950164595,
        4.4801501535661412,
        9,
        18,
        0.0033189735395366881,
        0.093087007143539541,
        0.79149500632791292
      },
      {
        0.53704776449523373,
        4.4801501535661412,
        9,
        18,
        0.0033189735395366881,
        0.150027217959028430,
        0.83856377937629534
      },
      {
        0.68830773136981049,
        3.2082926034538897,
        9,
        20,
        0.0143256039430485777,
        0.115870515347905045,
        0.91499855441156452
      },
      {
        0.71364590622813129,
        4.4801501535661412,
        9,
        18,
        0.0033189735395366881,
        0.235430061750645930,
        0.91927766168259306
      },
      {
        0.77679319537895108,
        4.4801501535661412,
        9,
        18,
        0.0033189735395366881,
        0.346202160034361994,
        0.93969797214334982
      },
    };
    assertForms(expected, IntraclassCorrelation.of(ratings), 1e-9);
  }

  @Test
  void undefinedAndBadInput() {
    IccResult perfect = IntraclassCorrelation.of(new double[][] {{1, 1}, {3, 3}, {5, 5}});
    assertFalse(perfect.isDefined());
    assertEquals("no residual variance (MSE = 0)", perfect.undefinedReason());
    assertEquals(0, perfect.forms().size());
    IccResult noTargetVariance =
        IntraclassCorrelation.of(new double[][] {{1, 2, 3}, {2, 3, 1}, {3, 1, 2}});
    assertEquals("no variance between targets (MSB = 0)", noTargetVariance.undefinedReason());
    IllegalArgumentException one =
        assertThrows(
            IllegalArgumentException.class,
            () -> IntraclassCorrelation.of(new double[][] {{1, 2}}));
    assertEquals("ICC needs at least 2 targets and 2 raters, got 1 x 2", one.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> IntraclassCorrelation.of(new double[][] {{1, 2}, {Double.NaN, 3}}));
    assertEquals(
        "ICC: row 1 holds NaN (complete cases of finite values only)", missing.getMessage());
  }

  private static void assertForms(double[][] expected, IccResult r, double tolerance) {
    for (int i = 0; i < 6; i++) {
      IccForm f = r.form(NAMES.get(i)).orElseThrow();
      String name = f.name();
      assertEquals(expected[i][0], f.value(), tolerance, name + " value");
      assertEquals(expected[i][1], f.f(), tolerance, name + " F");
      assertEquals(expected[i][2], f.df1(), 0, name + " df1");
      assertEquals(expected[i][3], f.df2(), 0, name + " df2");
      assertEquals(expected[i][4], f.p(), tolerance, name + " p");
      assertEquals(expected[i][5], f.lower(), tolerance, name + " lower");
      assertEquals(expected[i][6], f.upper(), tolerance, name + " upper");
    }
  }
}
