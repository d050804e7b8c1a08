package org.cxalign.it.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated bad request.
 *
 * @param kind the class of bad input (counted in the README)
 * @param method HTTP method
 * @param path path and query, sent as given (not normalised)
 * @param authorization the whole Authorization header value, or null for none
 * @param contentType Content-Type header or null for none
 * @param body the body bytes or null
 * @param headers further header name/value pairs
 * @param expect what the answer must be besides "no 5xx, no leak"
 */
record Attack(
    String kind,
    String method,
    String path,
    String authorization,
    String contentType,
    byte[] body,
    List<String> headers,
    Expect expect) {

  enum Expect {
    /** Any status below 500 (a bad query parameter on a read may be ignored). */
    ANY,
    /** Not 2xx: the request must be refused. */
    REFUSED,
    /** 401: the credential must not be accepted. */
    UNAUTHORIZED,
    /** 403: the caller is who they say but may not do this. */
    FORBIDDEN,
    /**
     * 400 validation problem with a violation whose field is the kind's suffix ({@code
     * bad-encoding:<field>}).
     */
    BAD_ENCODING
  }

  String excerpt() {
    if (body == null) {
      return "";
    }
    String s = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
    return s.replaceAll("\\p{Cntrl}", "?")
        + (body.length > 160 ? "...(" + body.length + " bytes)" : "");
  }

  @Override
  public String toString() {
    String auth = authorization == null ? "" : " auth=" + abbreviate(authorization, 40);
    return "["
        + kind
        + "] "
        + method
        + " "
        + abbreviate(path, 200)
        + auth
        + (contentType == null ? "" : " ct=" + contentType)
        + " body="
        + excerpt();
  }

  static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "...(" + s.length() + ")";
  }
}
