package org.shahid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a server. It counts the lines the clients send (for IMAP every command is one
 * tagged line, so this counts round trips; it also notes when the first FETCH and the last STORE passed, which is
 * where the bench's clocks start and stop), and it can be severed: open connections are reset and new ones
 * refused until it is restored. The benchmark counts IMAP commands with it; the fault tests cut the database or
 * the mail server with it. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong clientLines = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final java.util.Map<String, Long> commands = new ConcurrentHashMap<>();
    private final java.util.Map<String, Long> leadingWords = new ConcurrentHashMap<>();
    private final AtomicLong firstFetchNanos = new AtomicLong();
    private final AtomicLong stores = new AtomicLong();
    private volatile long lastStoreNanos;
    private volatile boolean severed;
    private volatile boolean closed;

    private TcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on a free loopback port and forwards to {@code host:port}. */
    public static TcpProxy start(String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(host, port));
        Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Lines (commands) clients sent since the start or the last reset. */
    public long clientLines() {
        return clientLines.get();
    }

    /** Connections forwarded to the target since the start or the last reset. */
    public long connections() {
        return connections.get();
    }

    public void resetCount() {
        clientLines.set(0);
        connections.set(0);
        commands.clear();
        leadingWords.clear();
        firstFetchNanos.set(0);
        stores.set(0);
        lastStoreNanos = 0;
    }

    /** {@link System#nanoTime()} when a client sent its first FETCH since the last reset; 0 if none yet. */
    public long firstFetchNanos() {
        return firstFetchNanos.get();
    }

    /** STORE commands (e.g. flagging a mail seen) since the last reset. */
    public long stores() {
        return stores.get();
    }

    /** {@link System#nanoTime()} of the last STORE since the last reset; 0 if none. */
    public long lastStoreNanos() {
        return lastStoreNanos;
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public void sever() {
        severed = true;
        dropConnections();
    }

    /** Resets every open connection, but keeps accepting new ones (a dropped connection mid-transfer). */
    public void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    public void restore() {
        severed = false;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (severed) {
                    client.setSoLinger(true, 0);
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                try {
                    server.connect(target, 5_000);
                } catch (IOException unreachable) {
                    closeQuietly(client);
                    continue;
                }
                connections.incrementAndGet();
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean countLines) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (countLines) {
                        countLines(buffer, read);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // One side closed or was reset: close the other, as a network cut would.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void countLines(byte[] buffer, int read) {
        int lineStart = 0;
        for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
                clientLines.incrementAndGet();
                String line = new String(buffer, lineStart, Math.min(i - lineStart, 60),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                String[] words = line.split(" ", 4);
                String verb = words.length > 2 && words[1].equalsIgnoreCase("UID") ? "UID " + words[2]
                        : words.length > 1 ? words[1] : "?";
                if (verb.equalsIgnoreCase("FETCH") && words.length > 3) {
                    // the item fetched tells which code path asked (body, header, flags)
                    verb = verb + " " + words[3].replaceAll("[0-9<>.]+$", "").trim();
                }
                String command = verb.trim().toUpperCase(java.util.Locale.ROOT);
                commands.merge(command, 1L, Long::sum);
                leadingWords.merge(words[0].trim().toUpperCase(java.util.Locale.ROOT), 1L, Long::sum);
                long now = System.nanoTime();
                if (command.contains("FETCH")) {
                    firstFetchNanos.compareAndSet(0, now);
                } else if (command.endsWith("STORE")) {
                    stores.incrementAndGet();
                    lastStoreNanos = now;
                }
                lineStart = i + 1;
            }
        }
    }

    /** Client lines by their second word (the IMAP command after the tag), since the last reset. */
    public java.util.Map<String, Long> commands() {
        return new java.util.TreeMap<>(commands);
    }

    /** Client lines whose first word is {@code word} (an SMTP command, which has no tag), since the last reset. */
    public long linesLedBy(String word) {
        return leadingWords.getOrDefault(word.toUpperCase(java.util.Locale.ROOT), 0L);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        dropConnections();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
