package org.cxalign.analytics.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cxalign.analytics.json.Json;
import org.cxalign.analytics.stat.Estimate;
import org.junit.jupiter.api.Test;

class VerdictJsonTest {

  @Test
  @SuppressWarnings("unchecked")
  void writesSnakeCaseWithReasonsForUndefinedFigures() {
    Estimate u = Estimate.undefined("no departments");
    CriterionResult c =
        new CriterionResult(
            "within_department_agreement",
            Estimate.of(0.875),
            u,
            Estimate.of(1.0),
            0.8,
            8,
            CriterionResult.Status.INCONCLUSIVE,
            "why",
            List.of(
                new CriterionResult.Detail(
                    "D1",
                    Estimate.of(0.9),
                    u,
                    u,
                    Estimate.of(0.01),
                    CriterionResult.Status.PASS,
                    "note")));
    VerdictResult v =
        new VerdictResult(
            VerdictResult.Outcome.INCONCLUSIVE,
            List.of(c),
            new RequiredSampleSize(45L, null, "basis", null));
    Map<String, Object> json = Json.parseObject(VerdictJson.toJson(v, true));
    assertEquals("inconclusive", json.get("outcome"));
    Map<String, Object> c0 = ((List<Map<String, Object>>) json.get("criteria")).get(0);
    assertEquals("inconclusive", c0.get("status"));
    assertEquals(0.875, c0.get("statistic"));
    assertNull(c0.get("lower"));
    assertEquals("no departments", c0.get("lower_reason"));
    assertEquals(8.0, c0.get("n"));
    Map<String, Object> d0 = ((List<Map<String, Object>>) c0.get("details")).get(0);
    assertEquals("pass", d0.get("status"));
    assertEquals(0.01, d0.get("p"));
    Map<String, Object> need = (Map<String, Object>) json.get("required_sample_size");
    assertEquals(45.0, need.get("per_department"));
    assertNull(need.get("customers"));
    String text = VerdictText.render(v);
    assertTrue(text.startsWith("Level-5 verdict: inconclusive\n"), text);
    assertTrue(text.contains("statistic 0.875 [n/a, 1.000] threshold 0.800 n 8"), text);
    assertTrue(text.contains("To decide it: 45 respondents per department (basis)"), text);
  }
}
