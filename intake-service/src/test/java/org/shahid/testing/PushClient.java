package org.shahid.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A mail server's side of push intake, in the fewest lines: one SMTP session to Shahid's listener that sends
 * mails and returns the reply codes as they are (so a test sees 250, 451 or 550 itself). Dot-stuffs the data and
 * sends it with CRLF line ends. Not thread-safe; one per thread.
 */
public final class PushClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private PushClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        this.out = socket.getOutputStream();
        expect(reply(), 220);
        expect(command("EHLO mta.test"), 250);
    }

    public static PushClient connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(120_000);
        return new PushClient(socket);
    }

    /** Sends one mail; returns the first refusal (MAIL or RCPT), or else the reply code to the data. */
    public int send(String sender, List<String> recipients, byte[] raw) throws IOException {
        // The data and its closing dot in one write, as an MTA's buffered stream sends them: a separate write of the
        // dot waited (Nagle) for the listener's delayed ACK of the data, 40 ms a mail.
        return send(sender, recipients, () -> out.write(dotStuffedAndEnded(raw)));
    }

    /**
     * Sends one mail read from a stream, dot-stuffed as it goes, so that a test of a mail of tens of megabytes holds
     * no copy of it here. Line ends become CRLF; the stream is read once.
     */
    public int send(String sender, List<String> recipients, InputStream raw) throws IOException {
        return send(sender, recipients, () -> writeDotStuffedAndEnded(raw));
    }

    private interface Data {
        void write() throws IOException;
    }

    /** {@code data} writes the dot-stuffed mail and the closing dot. */
    private int send(String sender, List<String> recipients, Data data) throws IOException {
        int code = command("MAIL FROM:<" + sender + ">");
        if (code != 250) {
            command("RSET");
            return code;
        }
        for (String recipient : recipients) {
            code = command("RCPT TO:<" + recipient + ">");
            if (code != 250) {
                command("RSET");
                return code;
            }
        }
        expect(command("DATA"), 354);
        data.write();
        out.flush();
        int dataReply = reply();
        if (dataReply != 250) {
            // As Postfix does before it reuses a connection: SubEthaSMTP keeps the refused transaction open.
            command("RSET");
        }
        return dataReply;
    }

    private static final byte[] END_OF_DATA = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] dotStuffedAndEnded(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        ByteArrayOutputStream data = new ByteArrayOutputStream(raw.length + 1024);
        for (String line : text.split("\n", -1)) {
            String stuffed = line.startsWith(".") ? "." + line : line;
            data.writeBytes((stuffed + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        data.writeBytes(END_OF_DATA);
        return data.toByteArray();
    }

    private void writeDotStuffedAndEnded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        BufferedOutputStream data = new BufferedOutputStream(out, 64 * 1024);
        boolean lineStart = true;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                data.write('\r');
                data.write('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && b == '.') {
                data.write('.');
            }
            data.write(b);
            lineStart = false;
        }
        if (!lineStart) {
            data.write('\r');
            data.write('\n');
        }
        data.write(END_OF_DATA);
        data.flush();
    }

    private int command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** Reads one (possibly multi-line) reply; returns its code. */
    private int reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the listener closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return Integer.parseInt(line.substring(0, 3));
    }

    private static void expect(int code, int expected) throws IOException {
        if (code != expected) {
            throw new IOException("expected " + expected + ", got " + code);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT");
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            socket.close();
        }
    }
}
