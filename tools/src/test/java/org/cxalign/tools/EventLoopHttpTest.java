package org.cxalign.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link EventLoopHttp} against a small HTTP server on the loopback. */
class EventLoopHttpTest {

  /** How the test server answers. */
  enum Mode {
    KEEP_ALIVE,
    CLOSE_EACH,
    DROP_FIRST,
    CHUNKED,
    SILENT
  }

  private ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  /** Request body → times received. */
  private final Map<String, Integer> bodies = new ConcurrentHashMap<>();

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private InetSocketAddress serve(Mode mode) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  accepted.incrementAndGet();
                  mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                  Thread c = new Thread(() -> connection(s, mode));
                  c.setDaemon(true);
                  c.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void connection(Socket s, Mode mode) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      while (true) {
        String body = request(in);
        if (body == null) {
          return;
        }
        if (mode == Mode.SILENT) {
          continue;
        }
        if (mode == Mode.DROP_FIRST && dropped.compareAndSet(0, 1)) {
          return; // closes without an answer
        }
        bodies.merge(body, 1, Integer::sum);
        String answer =
            switch (mode) {
              case CHUNKED ->
                  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
              case CLOSE_EACH ->
                  "HTTP/1.1 201 Created\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
              default -> "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";
            };
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (mode == Mode.CLOSE_EACH) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.decrementAndGet();
    }
  }

  /** One request's body, or null at the end of the connection. */
  private static String request(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String h = head.toString(StandardCharsets.ISO_8859_1);
      if (h.endsWith("\r\n\r\n")) {
        int length = 0;
        for (String line : h.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** Requests 0..n-1, bodies "body-i"; what came back. */
  private static final class Recorder implements EventLoopHttp.Requests {
    final int n;
    int next;
    final int[] status;
    final List<Integer> retried = new ArrayList<>();

    Recorder(int n) {
      this.n = n;
      status = new int[n];
    }

    @Override
    public int next() {
      return next < n ? next++ : -1;
    }

    @Override
    public byte[] bytes(int i) {
      String body = "body-" + i;
      return ("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void done(int i, int code, long start, long end) {
      assertTrue(end >= start);
      assertEquals(0, status[i], "request " + i + " answered twice");
      status[i] = code;
    }

    @Override
    public void retried(int i, IOException cause) {
      retried.add(i);
    }
  }

  private void assertEveryBodyOnce(int n) {
    assertEquals(n, bodies.size());
    for (int i = 0; i < n; i++) {
      assertEquals(1, bodies.get("body-" + i), "body-" + i);
    }
  }

  /** {@code n} requests over {@code connections} to a server in {@code mode}; every status. */
  private Recorder load(Mode mode, int n, int connections, int expectedStatus) throws IOException {
    InetSocketAddress a = serve(mode);
    Recorder r = new Recorder(n);
    new EventLoopHttp(a, connections, 5_000).run(r);
    for (int i = 0; i < n; i++) {
      assertEquals(expectedStatus, r.status[i], "request " + i);
    }
    return r;
  }

  @Test
  void eachConnectionSendsItsNextRequestAfterItsAnswer() throws IOException {
    Recorder r = load(Mode.KEEP_ALIVE, 200, 4, 201);
    assertEveryBodyOnce(200);
    assertEquals(4, accepted.get(), "one persistent connection per client");
    assertEquals(List.of(), r.retried);
  }

  @Test
  void aConnectionTheServerClosesIsOpenedAgainForTheNext() throws IOException {
    Recorder r = load(Mode.CLOSE_EACH, 30, 3, 201);
    assertEveryBodyOnce(30);
    assertEquals(30, accepted.get());
    assertTrue(mostOpen.get() <= 3 + 1, "at most a client's old and new connection overlap");
  }

  @Test
  void aRequestWhoseConnectionDropsIsSentAgain() throws IOException {
    Recorder r = load(Mode.DROP_FIRST, 20, 2, 201);
    assertEquals(1, r.retried.size());
    assertEveryBodyOnce(20);
  }

  @Test
  void chunkedAnswersAreReadWhole() throws IOException {
    Recorder r = load(Mode.CHUNKED, 10, 2, 200);
    assertEquals(2, accepted.get());
  }

  @Test
  void noServerFailsARequestAfterEveryAttempt() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Recorder r = new Recorder(1);
    new EventLoopHttp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1, 5_000)
        .run(r);
    assertEquals(-1, r.status[0]);
    assertEquals(EventLoopHttp.ATTEMPTS, r.retried.size());
  }

  @Test
  void noAnswerInTimeIsAFailedAttempt() throws IOException {
    InetSocketAddress a = serve(Mode.SILENT);
    Recorder r = new Recorder(1);
    long t0 = System.nanoTime();
    new EventLoopHttp(a, 1, 100).run(r);
    assertEquals(-1, r.status[0]);
    assertEquals(EventLoopHttp.ATTEMPTS, r.retried.size());
    assertEquals(EventLoopHttp.ATTEMPTS, accepted.get());
    assertTrue(System.nanoTime() - t0 >= EventLoopHttp.ATTEMPTS * 100_000_000L);
  }
}
