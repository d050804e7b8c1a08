package org.cxalign.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReturnToQueryHandlerTest {

  private static String cookie(String pathAndQuery) {
    return URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8);
  }

  @Test
  void aQuerySavedForThePathComesBack() {
    assertEquals(
        "campaign=12&x=a%20b",
        ReturnToQueryHandler.savedQueryFor(
            cookie("/app/dashboard/?campaign=12&x=a%20b"), "/app/dashboard/"));
  }

  @Test
  void aQuerySavedForAnotherPathIsIgnored() {
    assertNull(
        ReturnToQueryHandler.savedQueryFor(cookie("/app/admin/?campaign=12"), "/app/dashboard/"));
    assertNull(ReturnToQueryHandler.savedQueryFor(cookie("/app/dashboard/"), "/app/dashboard/"));
  }

  @Test
  void characterOutsideAQueryAreRefused() {
    // a header split or a fragment must never reach the Location header
    assertNull(
        ReturnToQueryHandler.savedQueryFor(
            cookie("/app/dashboard/?a=1\r\nSet-Cookie: x=y"), "/app/dashboard/"));
    assertNull(
        ReturnToQueryHandler.savedQueryFor(cookie("/app/dashboard/?a=1#f"), "/app/dashboard/"));
    assertNull(ReturnToQueryHandler.savedQueryFor("%zz", "/app/dashboard/"));
  }
}
