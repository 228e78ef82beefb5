package org.shahid.reporters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that counts the bytes the server sends, so a test can prove what a client did not download.
 * Test-only; thread-safe.
 */
final class ByteCountingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final AtomicLong fromServer = new AtomicLong();

    private ByteCountingProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "byte-counting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ByteCountingProxy to(String host, int port) throws IOException {
        return new ByteCountingProxy(host, port);
    }

    int port() {
        return listener.getLocalPort();
    }

    long bytesFromServer() {
        return fromServer.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                pump(client.getInputStream(), server.getOutputStream(), null, client, server);
                pump(server.getInputStream(), client.getOutputStream(), fromServer, client, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, AtomicLong counter, Socket a, Socket b) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (counter != null) {
                        counter.addAndGet(read);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both below
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "byte-counting-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
