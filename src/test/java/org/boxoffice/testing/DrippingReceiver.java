package org.boxoffice.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free loopback port that answers every request 200 at once and then drips its
 * body, one byte a second, for ever: a client that reads bodies without a deadline never finishes.
 */
public final class DrippingReceiver implements AutoCloseable {

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final ServerSocket server;

    public DrippingReceiver() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    open.incrementAndGet();
                    Thread drip = new Thread(() -> drip(socket));
                    drip.setDaemon(true);
                    drip.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections still being dripped to: the client has not hung up. */
    public int open() {
        return open.get();
    }

    /** Waits (up to {@code within}) until a connection is open. */
    public void awaitOpen(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (open.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection to the dripping receiver within " + within);
            }
            Thread.sleep(20);
        }
    }

    private void drip(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            in.read(new byte[8192]);
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                out.write('x');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up, or the receiver was closed
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
