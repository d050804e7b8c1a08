package org.cxalign.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

  @Test
  void validEncodingsPass() {
    assertTrue(PercentEncoding.violations("/api/campaigns/12", null).isEmpty());
    assertTrue(PercentEncoding.violations("/api/departments/%201", "").isEmpty());
    assertTrue(PercentEncoding.violations("/api/x/%F0%9F%98%80", "a=%C3%A9&b=%2f&c&=x").isEmpty());
    assertTrue(PercentEncoding.violations("/api/x", "name=%00&q=caf%c3%a9+x").isEmpty());
  }

  @Test
  void brokenEscapesInThePath() {
    List<Problem.Violation> v = PercentEncoding.violations("/api/campaigns/%zz", null);
    assertEquals(1, v.size());
    assertEquals("path", v.get(0).field());
    assertEquals(
        "The path has an invalid percent-encoding at character 16 ('%zz'): '%' must be followed"
            + " by two hexadecimal digits",
        v.get(0).message());
    assertEquals("path", PercentEncoding.violations("/api/campaigns/12%", null).get(0).field());
    assertTrue(
        PercentEncoding.violations("/api/campaigns/1%2", null)
            .get(0)
            .message()
            .contains("incomplete percent-encoding at character 17 ('%2')"));
    // full-width digits are digits to Java, not hexadecimal digits to RFC 3986
    assertEquals(1, PercentEncoding.violations("/api/x/%１２", null).size());
  }

  @Test
  void brokenEscapesInTheQueryNameTheParameter() {
    List<Problem.Violation> v =
        PercentEncoding.violations("/api/x", "y=%G1&ok=%41&department=%%&mode=1%");
    assertEquals(
        List.of("y", "department", "mode"), v.stream().map(Problem.Violation::field).toList());
    assertTrue(
        v.get(0).message().startsWith("The query parameter has an invalid"), v.get(0).message());
    // a name that is itself broken, or not plain, is not echoed
    assertEquals("query", PercentEncoding.violations("/api/x", "%zz=1").get(0).field());
    assertEquals(
        "query", PercentEncoding.violations("/api/x", "java.lang.Exception=%zz").get(0).field());
    assertEquals("query", PercentEncoding.violations("/api/x", "%3Cb%3E=%zz").get(0).field());
  }

  @Test
  void escapesMustDecodeToUtf8() {
    assertEquals(
        "The path has percent-encoded bytes that are not UTF-8",
        PercentEncoding.violations("/api/x/%FF", null).get(0).message());
    assertEquals(1, PercentEncoding.violations("/api/x", "a=%c0%ae").size());
    assertEquals(1, PercentEncoding.violations("/api/x", "a=%F0%9F").size()); // truncated
    assertNull(PercentEncoding.reason("caf%C3%A9"));
  }

  @Test
  void echoedCharactersAreSafe() {
    String m = PercentEncoding.violations("/api/x/%\"<", null).get(0).message();
    assertTrue(m.contains("('%??')"), m);
  }
}
