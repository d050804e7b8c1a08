package org.cxalign.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxalign.survey.participation.Participation;
import org.junit.jupiter.api.Test;

/**
 * No stored response can be joined to a user: the response tables have no identity column and no
 * time finer than the day, participation holds only the campaign and an HMAC, and neither refers to
 * the other or to an invitation. Checked on the migrations (the schema the database really has) and
 * on the entities.
 */
class AnonymityTest {

  private static final Pattern TABLE =
      Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);

  /** Column name → type of every table the migrations create. */
  private static Map<String, Map<String, String>> schema() throws IOException {
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    for (String file : List.of("db/migration/V1__department.sql", "db/migration/V2__survey.sql")) {
      String sql;
      try (InputStream in = AnonymityTest.class.getClassLoader().getResourceAsStream(file)) {
        assertNotNull(in, file);
        sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher m = TABLE.matcher(sql);
      while (m.find()) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String line : m.group(2).split("\\n")) {
          String[] words = line.strip().split("\\s+");
          if (words.length < 2
              || Set.of("CONSTRAINT", "PRIMARY", "--").contains(words[0])
              || words[0].isEmpty()) {
            continue;
          }
          columns.put(words[0], words[1].replace(",", ""));
        }
        tables.put(m.group(1), columns);
      }
    }
    return tables;
  }

  @Test
  void responseTablesHoldNoIdentityAndNoTimeFinerThanTheDay() throws IOException {
    Map<String, Map<String, String>> schema = schema();
    assertEquals(
        List.of("id", "campaign_id", "audience", "department_id", "submitted_on", "comment_text"),
        List.copyOf(schema.get("survey_response").keySet()));
    assertEquals("DATE", schema.get("survey_response").get("submitted_on"));
    assertEquals(
        List.of("response_id", "item_id", "answer_value"),
        List.copyOf(schema.get("response_answer").keySet()));
    for (String table : List.of("survey_response", "response_answer", "participation")) {
      for (Map.Entry<String, String> c : schema.get(table).entrySet()) {
        assertFalse(c.getValue().startsWith("TIMESTAMP"), table + "." + c.getKey());
        assertFalse(c.getValue().startsWith("TIME"), table + "." + c.getKey());
      }
    }
  }

  @Test
  void participationIsTheCampaignAndAnHmacOnlyWithNoLinkToAResponse() throws IOException {
    Map<String, String> participation = schema().get("participation");
    assertEquals(
        List.of("campaign_id", "subject_hmac", "idempotency_hash"),
        List.copyOf(participation.keySet()));
    assertFalse(schema().get("invitation").containsKey("response_id"));
    assertFalse(schema().get("invitation").containsKey("email"));
  }

  @Test
  void theEntitiesMapOnlyThoseColumns() {
    assertEquals(
        Set.of(
            "id",
            "campaign_id",
            "audience",
            "department_id",
            "submitted_on",
            "comment_text",
            "answers"),
        columns(SurveyResponse.class));
    assertEquals(
        Set.of("campaign_id", "subject_hmac", "idempotency_hash"), columns(Participation.class));
    Field day =
        Arrays.stream(SurveyResponse.class.getDeclaredFields())
            .filter(f -> f.getName().equals("submittedOn"))
            .findFirst()
            .orElseThrow();
    assertEquals(LocalDate.class, day.getType());
  }

  private static Set<String> columns(Class<?> entity) {
    return Arrays.stream(entity.getDeclaredFields())
        .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
        .map(
            f -> {
              Column c = f.getAnnotation(Column.class);
              JoinColumn j = f.getAnnotation(JoinColumn.class);
              if (j != null) {
                return j.name();
              }
              if (c != null && !c.name().isEmpty() && !f.getName().equals("answers")) {
                return c.name();
              }
              return f.getName();
            })
        .collect(java.util.stream.Collectors.toSet());
  }
}
