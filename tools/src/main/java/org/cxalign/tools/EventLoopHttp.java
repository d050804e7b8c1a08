package org.cxalign.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop HTTP/1.1 load of {@code connections} persistent connections driven by ONE thread (a
 * selector): each connection sends a request, reads its response, and sends the next, like as many
 * client threads would. The load generator runs on the machine under test; a thread per connection
 * cost it twice the CPU per request of this loop and put up to 32 more runnable threads in the
 * cores' run queues (README, ingestion benchmark).
 *
 * <p>Not {@link java.net.http.HttpClient}: its selector thread, futures and a timer per request
 * cost the generator several times more CPU per request than a connection per thread did.
 *
 * <p>A request whose connection fails (refused, reset, closed before the response, no response
 * within the timeout) is sent again on a new connection after 200 ms, up to {@link #ATTEMPTS} times
 * in all; then it counts as failed (status -1).
 */
final class EventLoopHttp {

  /** Attempts per request before it counts as failed. */
  static final int ATTEMPTS = 5;

  private static final long RETRY_PAUSE_NANOS = 200_000_000L;

  /** What the load sends, and what it is told. Called on the loop's thread only. */
  interface Requests {
    /** The next request's index, or -1 when there are no more (the connection then stops). */
    int next();

    /** The whole request (request line, headers, body) of {@code index}. */
    byte[] bytes(int index);

    /**
     * The request {@code index} got a response with {@code status} (-1: every attempt failed);
     * {@code startNanos} is before its first attempt.
     */
    void done(int index, int status, long startNanos, long endNanos);

    /** An attempt of {@code index} failed and it will be sent again (or counted as failed). */
    void retried(int index, IOException cause);
  }

  private final InetSocketAddress address;
  private final int connections;
  private final long timeoutNanos;

  EventLoopHttp(InetSocketAddress address, int connections, int timeoutMillis) {
    this.address = address;
    this.connections = connections;
    this.timeoutNanos = timeoutMillis * 1_000_000L;
  }

  /** One connection's state. */
  private static final class Conn {
    SocketChannel channel;
    SelectionKey key;
    int index = -1;
    int attempts;
    long start;
    long deadline;
    long retryAt;
    ByteBuffer out;
    final HttpResponseReader reader = new HttpResponseReader();
    boolean stopped;
  }

  /** Runs until every connection has run out of requests and finished its last one. */
  void run(Requests requests) throws IOException {
    ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
    try (Selector selector = Selector.open()) {
      List<Conn> conns = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        Conn c = new Conn();
        conns.add(c);
        next(c, requests, selector);
      }
      while (true) {
        long now = System.nanoTime();
        long wake = Long.MAX_VALUE;
        boolean active = false;
        for (Conn c : conns) {
          if (c.stopped) {
            continue;
          }
          active = true;
          if (c.index >= 0 && c.channel == null) {
            if (c.retryAt <= now) {
              send(c, requests, selector);
            } else {
              wake = Math.min(wake, c.retryAt);
            }
          } else if (c.index >= 0) {
            if (now > c.deadline) {
              fail(c, requests, selector, new IOException("no response in time"));
            } else {
              wake = Math.min(wake, c.deadline);
            }
          }
        }
        if (!active) {
          return;
        }
        long waitMillis =
            wake == Long.MAX_VALUE ? 1000 : Math.max(1, (wake - System.nanoTime()) / 1_000_000);
        selector.select(Math.min(waitMillis, 1000));
        for (SelectionKey k : selector.selectedKeys()) {
          Conn c = (Conn) k.attachment();
          if (!k.isValid() || c.key != k) {
            continue;
          }
          try {
            if (k.isConnectable()) {
              c.channel.finishConnect();
              k.interestOps(SelectionKey.OP_WRITE);
            }
            if (k.isValid() && k.isWritable()) {
              write(c);
            }
            if (k.isValid() && k.isReadable()) {
              read(c, in, requests, selector);
            }
          } catch (IOException e) {
            fail(c, requests, selector, e);
          }
        }
        selector.selectedKeys().clear();
      }
    }
  }

  /** Takes the connection's next request and sends it, or stops the connection. */
  private void next(Conn c, Requests requests, Selector selector) {
    int index = requests.next();
    if (index < 0) {
      c.stopped = true;
      c.index = -1;
      close(c);
      return;
    }
    c.index = index;
    c.attempts = 0;
    c.start = System.nanoTime();
    send(c, requests, selector);
  }

  /** An attempt of the connection's request: on its open connection, or on a new one. */
  private void send(Conn c, Requests requests, Selector selector) {
    c.attempts++;
    c.out = ByteBuffer.wrap(requests.bytes(c.index));
    c.reader.reset();
    c.deadline = System.nanoTime() + timeoutNanos;
    try {
      if (c.channel == null) {
        SocketChannel ch = SocketChannel.open();
        c.channel = ch;
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean connected = ch.connect(address);
        c.key =
            ch.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
        if (!connected) {
          return;
        }
      }
      write(c);
    } catch (IOException e) {
      fail(c, requests, selector, e);
    }
  }

  private static void write(Conn c) throws IOException {
    c.channel.write(c.out);
    c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  private void read(Conn c, ByteBuffer in, Requests requests, Selector selector)
      throws IOException {
    in.clear();
    int n = c.channel.read(in);
    if (n < 0) {
      if (c.reader.endOfInput()) {
        complete(c, requests, selector);
        return;
      }
      throw new ClosedChannelException();
    }
    in.flip();
    if (c.reader.feed(in)) {
      complete(c, requests, selector);
    }
  }

  private void complete(Conn c, Requests requests, Selector selector) {
    requests.done(c.index, c.reader.status(), c.start, System.nanoTime());
    if (c.reader.mustClose()) {
      close(c);
    }
    next(c, requests, selector);
  }

  private void fail(Conn c, Requests requests, Selector selector, IOException e) {
    close(c);
    if (c.index < 0) {
      return;
    }
    requests.retried(c.index, e);
    if (c.attempts >= ATTEMPTS) {
      requests.done(c.index, -1, c.start, System.nanoTime());
      next(c, requests, selector);
    } else {
      c.retryAt = System.nanoTime() + RETRY_PAUSE_NANOS;
    }
  }

  private static void close(Conn c) {
    if (c.key != null) {
      c.key.cancel();
      c.key = null;
    }
    if (c.channel != null) {
      try {
        c.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
      c.channel = null;
    }
  }
}
