package org.cxalign.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link HttpResponseReader}: a response read whole, or in pieces of any size. */
class HttpResponseReaderTest {

  private static final String LENGTH =
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n"
          + "{\"a\":\"b\\rc\"}";
  private static final String CHUNKED =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n";

  /** Feeds {@code text} in pieces of {@code step} bytes; the number of bytes left unread. */
  private static int feed(HttpResponseReader r, String text, int step) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < b.length; i += step) {
      ByteBuffer in = ByteBuffer.wrap(b, i, Math.min(step, b.length - i));
      if (r.feed(in)) {
        return b.length - i - (in.position() - i);
      }
    }
    return -1;
  }

  @Test
  void aResponseWithALengthInAnyPieces() throws IOException {
    for (int step : new int[] {1, 2, 3, 7, 64, 10_000}) {
      HttpResponseReader r = new HttpResponseReader();
      assertEquals(0, feed(r, LENGTH, step), "step " + step);
      assertEquals(201, r.status());
      assertFalse(r.mustClose());
    }
  }

  @Test
  void aChunkedResponseWithExtensionsAndTrailersInAnyPieces() throws IOException {
    for (int step : new int[] {1, 2, 5, 13, 10_000}) {
      HttpResponseReader r = new HttpResponseReader();
      assertEquals(0, feed(r, CHUNKED, step), "step " + step);
      assertEquals(200, r.status());
    }
  }

  @Test
  void bytesAfterTheResponseAreLeftAndTheReaderIsReusable() throws IOException {
    HttpResponseReader r = new HttpResponseReader();
    assertEquals(CHUNKED.length(), feed(r, LENGTH + CHUNKED, 100_000));
    r.reset();
    assertEquals(0, feed(r, CHUNKED, 100_000));
    assertEquals(200, r.status());
  }

  @Test
  void noBodyAndNoLength() throws IOException {
    HttpResponseReader r = new HttpResponseReader();
    assertEquals(0, feed(r, "HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n", 3));
    assertEquals(204, r.status());
    r.reset();
    assertEquals(0, feed(r, "HTTP/1.1 409 Conflict\r\nContent-Length: 0\r\n\r\n", 1));
    assertEquals(409, r.status());
  }

  @Test
  void aBodyUpToTheEndOfTheConnection() throws IOException {
    HttpResponseReader r = new HttpResponseReader();
    assertEquals(-1, feed(r, "HTTP/1.0 200 OK\r\n\r\nsome body", 4));
    assertTrue(r.endOfInput());
    assertEquals(200, r.status());
    assertTrue(r.mustClose());
  }

  @Test
  void connectionCloseAndHttp10AreToldApart() throws IOException {
    HttpResponseReader r = new HttpResponseReader();
    feed(r, "HTTP/1.1 503 Unavailable\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx", 5);
    assertTrue(r.mustClose());
    r.reset();
    feed(r, "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", 5);
    assertTrue(r.mustClose());
    r.reset();
    feed(r, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 5);
    assertFalse(r.mustClose());
  }

  @Test
  void aResponseCutOffIsNotComplete() throws IOException {
    HttpResponseReader r = new HttpResponseReader();
    assertEquals(-1, feed(r, LENGTH.substring(0, LENGTH.length() - 1), 8));
    assertFalse(r.endOfInput());
    r.reset();
    assertEquals(-1, feed(r, CHUNKED.substring(0, 60), 8));
    assertFalse(r.endOfInput());
  }

  @Test
  void whatIsNotHttpIsRefused() {
    assertThrows(
        IOException.class,
        () -> new HttpResponseReader().feed(ByteBuffer.wrap("SSH-2.0-x\r\n".getBytes())));
    assertThrows(
        IOException.class,
        () ->
            new HttpResponseReader()
                .feed(ByteBuffer.wrap("HTTP/1.1 2x1 OK\r\n".getBytes(StandardCharsets.UTF_8))));
    assertThrows(
        IOException.class,
        () ->
            feed(
                new HttpResponseReader(),
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                4));
    assertThrows(
        IOException.class,
        () ->
            new HttpResponseReader()
                .feed(ByteBuffer.wrap(("HTTP/1.1 200 " + "x".repeat(20_000)).getBytes())));
  }
}
