package org.cxalign.web.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import org.cxalign.survey.campaign.Audience;
import org.junit.jupiter.api.Test;

/** {@link ReceiptView#json()}: what JSON-B wrote for the record, without JSON-B. */
class ReceiptViewTest {

  @Test
  void membersInLexicographicOrderAsJsonB() {
    assertEquals(
        "{\"audience\":\"CUSTOMERS\",\"campaignId\":7,\"receivedOn\":\"2026-12-03\"}",
        new ReceiptView(7, Audience.CUSTOMERS, LocalDate.of(2026, 12, 3)).json());
    assertEquals(
        "{\"audience\":\"EMPLOYEES\",\"campaignId\":9223372036854775807,"
            + "\"receivedOn\":\"0999-01-31\"}",
        new ReceiptView(Long.MAX_VALUE, Audience.EMPLOYEES, LocalDate.of(999, 1, 31)).json());
  }

  @Test
  void nullMembersAreLeftOutAsJsonBLeavesThem() {
    assertEquals("{\"campaignId\":-1}", new ReceiptView(-1, null, null).json());
  }

  @Test
  void isJsonThatReadsBackToTheSameValues() {
    for (Audience a : Audience.values()) {
      ReceiptView v = new ReceiptView(42, a, LocalDate.of(2026, 2, 28));
      JsonObject o = Json.createReader(new StringReader(v.json())).readObject();
      assertEquals(a.name(), o.getString("audience"));
      assertEquals(42L, o.getJsonNumber("campaignId").longValueExact());
      assertEquals("2026-02-28", o.getString("receivedOn"));
      assertEquals(3, o.size());
    }
  }
}
