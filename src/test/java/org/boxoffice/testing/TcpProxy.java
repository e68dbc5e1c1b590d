package org.boxoffice.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a database that a test can cut and restore, to play an outage: while cut, open
 * connections are dropped and new ones refused, exactly as when the database goes down.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        // Bound once on a port of the system's choosing and kept; only a restore binds it again.
        this.port = listen(0);
    }

    public int port() {
        return port;
    }

    /** Accepts and relays connections (again). */
    public synchronized void restore() throws IOException {
        listen(port);
    }

    private int listen(int on) throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
        server = listening;
        int bound = listening.getLocalPort();
        Thread acceptor = new Thread(() -> accept(listening), "proxy-accept-" + bound);
        acceptor.setDaemon(true);
        acceptor.start();
        return bound;
    }

    /** Drops every open connection and refuses new ones until {@link #restore}. */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException dropped) {
                // the other side went away, or the proxy was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
