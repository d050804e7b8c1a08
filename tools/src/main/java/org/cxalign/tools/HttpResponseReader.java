package org.cxalign.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from bytes as they arrive (any split): the status line, the headers,
 * and the body by Content-Length, chunked, or up to the end of the connection. The body is dropped;
 * what is kept is the status and whether the connection must be closed after it.
 */
final class HttpResponseReader {

  private static final int MAX_LINE = 16 * 1024;

  private enum State {
    STATUS,
    HEADERS,
    BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    UNTIL_CLOSE,
    DONE
  }

  private State state = State.STATUS;
  private final StringBuilder line = new StringBuilder(128);
  private boolean lineCr;
  private int status;
  private long length;
  private boolean chunked;
  private boolean close;
  private long remaining;

  /** Ready for the next response on the same connection. */
  void reset() {
    state = State.STATUS;
    line.setLength(0);
    lineCr = false;
    status = 0;
    length = -1;
    chunked = false;
    close = false;
    remaining = 0;
  }

  HttpResponseReader() {
    reset();
  }

  /** The response's status code (once a status line was read). */
  int status() {
    return status;
  }

  /** Whether the server closes (or asked to close) the connection after this response. */
  boolean mustClose() {
    return close;
  }

  /**
   * Reads from {@code in} until the response is complete or {@code in} is empty.
   *
   * @return true when the response is complete (bytes after it are left in {@code in})
   * @throws IOException when the bytes are not an HTTP response
   */
  boolean feed(ByteBuffer in) throws IOException {
    while (state != State.DONE && in.hasRemaining()) {
      switch (state) {
        case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
          String l = readLine(in);
          if (l != null) {
            onLine(l);
          }
        }
        case BODY, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.remaining());
          in.position(in.position() + n);
          remaining -= n;
          if (remaining == 0) {
            state = state == State.BODY ? State.DONE : State.CHUNK_END;
          }
        }
        case UNTIL_CLOSE -> in.position(in.limit());
        default -> throw new IllegalStateException(state.name());
      }
    }
    return state == State.DONE;
  }

  /**
   * The connection ended: completes a response whose body runs up to the end of the connection.
   *
   * @return true when the response is complete now; false when it was cut off
   */
  boolean endOfInput() {
    if (state == State.UNTIL_CLOSE) {
      state = State.DONE;
      close = true;
    }
    return state == State.DONE;
  }

  /** One line without its line end, or null when it is not complete yet. */
  private String readLine(ByteBuffer in) throws IOException {
    while (in.hasRemaining()) {
      char c = (char) (in.get() & 0xff);
      if (c == '\n') {
        String l = line.toString();
        line.setLength(0);
        lineCr = false;
        return l;
      }
      if (lineCr) {
        line.append('\r');
      }
      lineCr = c == '\r';
      if (!lineCr) {
        line.append(c);
      }
      if (line.length() > MAX_LINE) {
        throw new IOException("an HTTP line longer than " + MAX_LINE + " characters");
      }
    }
    return null;
  }

  private void onLine(String l) throws IOException {
    switch (state) {
      case STATUS -> {
        // "HTTP/1.1 201 Created"
        if (!l.startsWith("HTTP/1.") || l.length() < 12) {
          throw new IOException("not an HTTP status line: " + l);
        }
        try {
          status = Integer.parseInt(l.substring(9, 12));
        } catch (NumberFormatException e) {
          throw new IOException("not an HTTP status line: " + l, e);
        }
        close = l.startsWith("HTTP/1.0");
        state = State.HEADERS;
      }
      case HEADERS -> {
        if (l.isEmpty()) {
          afterHeaders();
          return;
        }
        int colon = l.indexOf(':');
        if (colon < 0) {
          return;
        }
        String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = l.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> {
            try {
              length = Long.parseLong(value);
            } catch (NumberFormatException e) {
              throw new IOException("bad Content-Length: " + value, e);
            }
          }
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      case CHUNK_SIZE -> {
        int semi = l.indexOf(';');
        long n;
        try {
          n = Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("bad chunk size: " + l, e);
        }
        if (n == 0) {
          state = State.TRAILERS;
        } else {
          remaining = n;
          state = State.CHUNK_DATA;
        }
      }
      case CHUNK_END -> state = State.CHUNK_SIZE; // the CRLF after a chunk's data
      case TRAILERS -> {
        if (l.isEmpty()) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void afterHeaders() {
    if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (length > 0) {
      remaining = length;
      state = State.BODY;
    } else if (length == 0 || status == 204 || status == 304 || status < 200) {
      state = State.DONE;
    } else {
      state = State.UNTIL_CLOSE; // no length: the body ends with the connection
    }
  }
}
