package org.cxalign.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Population;
import org.cxalign.survey.campaign.FieldViolation;
import org.junit.jupiter.api.Test;

class SubmissionValidatorTest {

  private static final Instrument BUILT_IN = Instruments.builtIn();
  private static final List<String> SCOPE = List.of("Sales", "Finance", "People & Culture");

  private static List<Item> employeeForm() {
    return SubmissionValidator.form(BUILT_IN, Population.EMPLOYEE, SCOPE, "Sales");
  }

  /** A form of the built-in instrument's first two employee items, the second made required. */
  private static List<Item> smallForm() {
    List<Item> f = employeeForm();
    Item b = f.get(1);
    Item required =
        new Item(
            b.id(),
            b.text(),
            b.dimension(),
            b.model(),
            b.population(),
            b.scale(),
            b.matchedItemId(),
            true);
    return List.of(f.get(0), required);
  }

  private static Map<String, Object> answers(Object... idValue) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < idValue.length; i += 2) {
      Object v = idValue[i + 1];
      m.put((String) idValue[i], v instanceof Integer n ? BigDecimal.valueOf(n) : v);
    }
    return m;
  }

  private static List<String> fields(SubmissionValidator.Result r) {
    return r.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void theEmployeeFormHasTheEmployeeItemsAndRatesEveryOtherDepartment() {
    List<Item> form = employeeForm();
    List<String> ids = form.stream().map(Item::id).toList();
    assertTrue(ids.contains("collab.Finance"), ids.toString());
    assertTrue(ids.contains("collab.People & Culture"), ids.toString());
    assertFalse(ids.contains("collab.Sales"), "no rating of one's own department");
    assertFalse(ids.contains("collab"), "the template itself is not asked");
    assertTrue(form.stream().allMatch(i -> i.population().includes(Population.EMPLOYEE)));
    assertFalse(ids.contains("gap.seamless.customer"));
  }

  @Test
  void theCustomerFormHasOnlyCustomerItems() {
    List<Item> form = SubmissionValidator.form(BUILT_IN, Population.CUSTOMER, SCOPE, null);
    assertEquals(5, form.size());
    assertTrue(form.stream().allMatch(i -> i.population() == Population.CUSTOMER));
  }

  @Test
  void aValidSubmissionIsAccepted() {
    List<Item> form = smallForm();
    SubmissionValidator.Result r =
        SubmissionValidator.validate(
            form, answers(form.get(0).id(), 1, form.get(1).id(), 5), "fine");
    assertTrue(r.valid(), r.violations().toString());
    assertEquals(Map.of(form.get(0).id(), 1, form.get(1).id(), 5), r.values());
  }

  @Test
  void optionalItemsMayBeLeftOutOrNull() {
    List<Item> form = smallForm();
    Map<String, Object> a = new HashMap<>();
    a.put(form.get(0).id(), null);
    a.put(form.get(1).id(), BigDecimal.valueOf(3));
    SubmissionValidator.Result r = SubmissionValidator.validate(form, a, null);
    assertTrue(r.valid(), r.violations().toString());
    assertEquals(Map.of(form.get(1).id(), 3), r.values());
  }

  @Test
  void aNumberWithZeroFractionCountsAsTheInteger() {
    List<Item> form = smallForm();
    SubmissionValidator.Result r =
        SubmissionValidator.validate(form, answers(form.get(1).id(), new BigDecimal("4.0")), null);
    assertTrue(r.valid(), r.violations().toString());
    assertEquals(4, r.values().get(form.get(1).id()));
  }

  @Test
  void everyKindOfViolationIsListedAndNothingIsAccepted() {
    List<Item> form = smallForm();
    String a = form.get(0).id();
    String b = form.get(1).id();
    SubmissionValidator.Result offScale =
        SubmissionValidator.validate(form, answers(a, 6, b, 3), null);
    assertEquals(List.of("answers." + a), fields(offScale));
    assertEquals("must be an integer from 1 to 5", offScale.violations().get(0).message());
    assertTrue(offScale.values().isEmpty());

    assertEquals(
        List.of("answers." + a),
        fields(SubmissionValidator.validate(form, answers(a, 0, b, 3), null)));
    assertEquals(
        List.of("answers." + a),
        fields(SubmissionValidator.validate(form, answers(a, new BigDecimal("2.5"), b, 3), null)));
    assertEquals(
        List.of("answers." + a),
        fields(SubmissionValidator.validate(form, answers(a, "\"3\"", b, 3), null)));

    SubmissionValidator.Result missing = SubmissionValidator.validate(form, answers(a, 2), null);
    assertEquals(List.of("answers." + b), fields(missing));
    assertEquals("is required", missing.violations().get(0).message());

    SubmissionValidator.Result unknown =
        SubmissionValidator.validate(form, answers(b, 2, "no.such.item", 3), null);
    assertEquals(List.of("answers.no.such.item"), fields(unknown));

    SubmissionValidator.Result longComment =
        SubmissionValidator.validate(
            form, answers(b, 2), "x".repeat(SubmissionValidator.MAX_COMMENT_LENGTH + 1));
    assertEquals(List.of("comment"), fields(longComment));
    assertTrue(
        SubmissionValidator.validate(
                form, answers(b, 2), "x".repeat(SubmissionValidator.MAX_COMMENT_LENGTH))
            .valid());

    SubmissionValidator.Result all =
        SubmissionValidator.validate(form, answers(a, 9, "zzz", 1, "aaa", 1), "y".repeat(2001));
    assertEquals(
        List.of("answers." + a, "answers." + b, "answers.aaa", "answers.zzz", "comment"),
        fields(all));
    assertTrue(all.values().isEmpty());
  }

  @Test
  void missingAnswersAreReported() {
    SubmissionValidator.Result r = SubmissionValidator.validate(smallForm(), null, null);
    assertEquals(List.of("answers", "answers." + smallForm().get(1).id()), fields(r));
  }

  @Test
  void tooManyAnswersAreRefusedWithoutListingEach() {
    Map<String, Object> a = new HashMap<>();
    for (int i = 0; i <= SubmissionValidator.MAX_ANSWERS; i++) {
      a.put("x" + i, BigDecimal.ONE);
    }
    SubmissionValidator.Result r = SubmissionValidator.validate(employeeForm(), a, null);
    assertEquals(List.of("answers"), fields(r));
  }

  @Test
  void aSubmissionWithNoAnswerIsRefused() {
    List<Item> form = List.of(smallForm().get(0)); // one optional item
    Map<String, Object> a = new HashMap<>();
    a.put(form.get(0).id(), null);
    assertEquals(List.of("answers"), fields(SubmissionValidator.validate(form, a, null)));
    assertEquals(List.of("answers"), fields(SubmissionValidator.validate(form, Map.of(), "hi")));
  }
}
