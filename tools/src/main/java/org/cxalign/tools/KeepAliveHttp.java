package org.cxalign.tools;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection (plain TCP, one request at a time) for a load generator
 * thread: it writes a request and reads the status, the headers and the body (by Content-Length or
 * chunked) and keeps the connection for the next request unless the server closed it.
 *
 * <p>Why not {@link java.net.http.HttpClient}: its selector thread, futures and a timer per request
 * cost the generator several times more CPU per request (README, "Ingestion benchmark"), taken from
 * the same two cores as the server under test.
 */
final class KeepAliveHttp implements AutoCloseable {

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveHttp(URI base, int timeoutMillis) {
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Sends a POST with a JSON body and returns the status code; the answer's body is read and
   * dropped. An I/O error closes the connection (the next call opens a new one) and is thrown.
   *
   * @param headers further header lines, each without the line end (may be empty)
   */
  int postJson(String path, byte[] body, String... headers) throws IOException {
    StringBuilder h = new StringBuilder(256);
    h.append("POST ").append(path).append(" HTTP/1.1\r\n");
    h.append("Host: ").append(host).append(':').append(port).append("\r\n");
    h.append("Content-Type: application/json\r\n");
    h.append("Content-Length: ").append(body.length).append("\r\n");
    for (String line : headers) {
      h.append(line).append("\r\n");
    }
    h.append("\r\n");
    try {
      if (socket == null) {
        open();
      }
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return readResponse();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void open() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(new InetSocketAddress(host, port), timeoutMillis);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
  }

  private int readResponse() throws IOException {
    String status = line();
    // "HTTP/1.1 201 Created"
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = status.startsWith("HTTP/1.0");
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    if (chunked) {
      for (long n = chunkSize(); n > 0; n = chunkSize()) {
        skip(n);
        line(); // the CRLF after the chunk
      }
      while (!line().isEmpty()) {
        // trailer lines
      }
    } else if (length >= 0) {
      skip(length);
    } else if (code >= 200 && code != 204 && code != 304) {
      close = true; // body until the server closes: read it all
      while (in.read() >= 0) {
        // drop
      }
    }
    if (close) {
      close();
    }
    return code;
  }

  private long chunkSize() throws IOException {
    String l = line();
    int semi = l.indexOf(';');
    return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long k = in.skip(n);
      if (k <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed inside a body");
        }
        k = 1;
      }
      n -= k;
    }
  }

  /** One header line without its CRLF (ISO-8859-1). */
  private String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
          b.setLength(len - 1);
        }
        return b.toString();
      }
      b.append((char) c);
    }
    throw new EOFException("connection closed by the server");
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
