package org.cxalign.web.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.web.problem.JsonBodyGuard;
import org.junit.jupiter.api.Test;

/** {@link SubmissionBody#read}: one pass with the guard's checks and the submission's shape. */
class SubmissionBodyTest {

  private static SubmissionBody read(String json) {
    return SubmissionBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> violations(String json) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
    List<String> out = new ArrayList<>();
    for (FieldViolation v : e.violations()) {
      out.add(v.field() + ": " + v.message());
    }
    return out;
  }

  private static String malformed(String json) {
    return assertThrows(SubmissionBody.Malformed.class, () -> read(json)).reason;
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void readsAnswersInOrderAndTheComment() {
    SubmissionBody b =
        read(
            "{\"answers\": {\"q2\": 5, \"q1\": 3.0, \"q3\": null, \"q4\": -1e2},"
                + " \"comment\": \"gut \\u00e9\\n\"}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("q2", new BigDecimal("5"));
    expected.put("q1", new BigDecimal("3.0"));
    expected.put("q3", null);
    expected.put("q4", new BigDecimal("-1e2"));
    assertEquals(expected, b.answers());
    assertEquals(List.of("q2", "q1", "q3", "q4"), new ArrayList<>(b.answers().keySet()));
    assertEquals("gut é\n", b.comment());
  }

  @Test
  void absentAndNullMembersAreNull() {
    SubmissionBody b = read("{}");
    assertNull(b.answers());
    assertNull(b.comment());
    b = read("{\"answers\": null, \"comment\": null}");
    assertNull(b.answers());
    assertNull(b.comment());
  }

  @Test
  void anAnswerThatIsNotANumberIsHandedOnAsItsKindAndTheRestIsRead() {
    SubmissionBody b =
        read(
            "{\"answers\": {\"a\": \"5\", \"b\": true, \"c\": [1, [2, {\"x\": 3}]],"
                + " \"d\": {\"e\": 1}, \"f\": 4}}");
    assertEquals("VALUE_STRING", b.answers().get("a"));
    assertEquals("VALUE_TRUE", b.answers().get("b"));
    assertEquals("START_ARRAY", b.answers().get("c"));
    assertEquals("START_OBJECT", b.answers().get("d"));
    assertEquals(new BigDecimal("4"), b.answers().get("f"));
    assertEquals(5, b.answers().size());
  }

  @Test
  void everyShapeErrorIsListed() {
    assertEquals(
        List.of(
            "answers: must be an object of item id to value",
            "extra: is not a member of a submission",
            "comment: must be a string"),
        violations("{\"answers\": [1, 2], \"extra\": {\"deep\": [1]}, \"comment\": 7}"));
  }

  @Test
  void aMemberGivenTwiceCountsAsItsLastValue() {
    SubmissionBody b = read("{\"answers\": 5, \"answers\": {\"q\": 1}, \"comment\": \"x\"}");
    assertEquals(Map.of("q", BigDecimal.ONE), b.answers());
    assertEquals(
        List.of("comment: must be a string"), violations("{\"comment\": \"x\", \"comment\": 1}"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefusedAsSuch() {
    for (String body : List.of("[1, 2]", "\"text\"", "null", "true", "")) {
      assertEquals(List.of("body: must be a JSON object"), violations(body), body);
    }
  }

  @Test
  void malformedBodiesAreAnsweredAsTheGuardAnswersThem() {
    assertEquals("must not be only white space", malformed(" \n\t\r "));
    assertEquals("must be valid JSON", malformed("{\"answers\": {\"q\": 1}"));
    assertEquals("must be valid JSON", malformed("{\"answers\": {\"q\": 1,}}"));
    assertEquals("must be valid JSON", malformed("{answers: 1}"));
    // the server's parser (Parsson) fails on anything after the value, as on a bare number
    assertEquals("must be valid JSON", malformed("{} {}"));
    assertEquals("must be valid JSON", malformed("{\"answers\": {}} x"));
    // a malformed body is malformed whatever else is wrong with it
    assertEquals("must be valid JSON", malformed("{\"unknown\": 1, \"comment\": 2,"));
  }

  @Test
  void nestingIsBoundedWhereverItIs() {
    int max = JsonBodyGuard.MAX_DEPTH;
    String tooDeep = "must not nest arrays and objects more than " + max + " deep";
    // the body's object is the first level
    assertEquals(
        List.of("x: is not a member of a submission"),
        violations("{\"x\": " + nested(max - 1) + "}"));
    assertEquals(tooDeep, malformed("{\"x\": " + nested(max) + "}"));
    assertEquals(tooDeep, malformed("{\"answers\": {\"q\": " + nested(max - 1) + "}}"));
    assertEquals(tooDeep, malformed("{\"comment\": " + nested(max) + "}"));
    assertEquals(tooDeep, malformed(nested(max + 1)));
    // as deep as the size bound allows
    assertEquals(tooDeep, malformed(nested(SubmissionBody.MAX_BYTES / 2)));
  }

  @Test
  void theChecksAgreeWithTheGuardsOwn() {
    String[] bodies = {
      "{}",
      "[]",
      "  {\"answers\": {\"q\": 1}}  ",
      "{\"answers\": {\"q\": 1}",
      "{} x",
      "[1] [2]",
      "\"a\" \"b\"",
      "5",
      "5 6",
      "5 x",
      "{\"a\": " + nested(JsonBodyGuard.MAX_DEPTH - 1) + "}",
      "{\"a\": " + nested(JsonBodyGuard.MAX_DEPTH) + "}",
      nested(JsonBodyGuard.MAX_DEPTH),
      nested(JsonBodyGuard.MAX_DEPTH + 1),
      "{\"a\": tru}",
      "{\"a\": \"\\x\"}",
      "\u0000",
    };
    for (String body : bodies) {
      String guard = JsonBodyGuard.check(body.getBytes(StandardCharsets.UTF_8));
      String mine;
      try {
        read(body);
        mine = null;
      } catch (SubmissionBody.Malformed e) {
        mine = e.reason;
      } catch (InvalidInputException e) {
        mine = null; // well-formed, wrong shape
      }
      assertEquals(guard, mine, body);
    }
  }

  @Test
  void aNumberBeyondBigDecimalIsMalformedNotAnError() {
    assertEquals("must be valid JSON", malformed("{\"answers\": {\"q\": 1e9999999999}}"));
  }

  @Test
  void theSizeIsBounded() {
    byte[] big = new byte[SubmissionBody.MAX_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    assertThrows(
        SubmissionBody.TooLarge.class, () -> SubmissionBody.read(new ByteArrayInputStream(big)));
    // exactly the bound is read
    byte[] max = new byte[SubmissionBody.MAX_BYTES];
    Arrays.fill(max, (byte) ' ');
    byte[] json = "{\"comment\": \"x\"}".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(json, 0, max, 0, json.length);
    assertEquals("x", SubmissionBody.read(new ByteArrayInputStream(max)).comment());
  }

  @Test
  void noBodyIsNotAnObject() {
    assertEquals(List.of("body: must be a JSON object"), violations(""));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SubmissionBody.read(null));
    assertEquals("body", e.violations().get(0).field());
  }
}
