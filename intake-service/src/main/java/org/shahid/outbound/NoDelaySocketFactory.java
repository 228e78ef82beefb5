package org.shahid.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off, for Shahid's SMTP client. Angus writes a mail's DATA in 8 KB blocks:
 * the last, short block waited for the ACK of the one before, which the relay (still reading, with nothing to
 * answer yet) delays by 40 ms on Linux. Every mail larger than one block took 44 ms instead of 1-2 ms, and the
 * outbox sent about 22 such mails a second. Over implicit TLS ({@code shahid.smtp.ssl}) Angus layers its SSL socket
 * over this one, and STARTTLS upgrades the same socket, so the setting holds there too. Stateless; one shared
 * instance.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    public static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    private NoDelaySocketFactory() {
    }

    @Override
    public Socket createSocket() throws IOException {
        return withoutDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return withoutDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return withoutDelay(new Socket(host, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return withoutDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return withoutDelay(new Socket(host, port, localAddress, localPort));
    }

    private static Socket withoutDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
