package org.shahid.bench;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * The practical limit of the machine for Shahid's work: one Jakarta Mail connection fetches every mail of an
 * INBOX (peeking, so nothing is flagged before it is stored), stores one row (Message-ID, SHA-256, raw size) per
 * mail in its own transaction, then flags that mail seen with its own STORE. It does not batch. The same fetch
 * settings as Shahid's mailbox route (fetch size, partial fetch). Connecting, LOGIN and SELECT happen in
 * {@link #open}, outside the bench's clock, which runs from the first FETCH to the last STORE. Not thread-safe;
 * one drain per session.
 */
final class RawBaseline implements AutoCloseable {

    private final Store store;
    private final Folder inbox;
    private final Connection database;

    private RawBaseline(Store store, Folder inbox, Connection database) {
        this.store = store;
        this.inbox = inbox;
        this.database = database;
    }

    /** Logs in as {@code user} and selects its INBOX; the database table exists afterwards. */
    static RawBaseline open(String host, int port, int fetchSize, boolean partialFetch, String user,
                            Connection database) throws MessagingException, SQLException {
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " message_id VARCHAR(255), sha256 CHAR(64) NOT NULL, size INT NOT NULL) ENGINE = InnoDB");
        }
        database.setAutoCommit(true);
        Properties properties = new Properties();
        properties.put("mail.imap.host", host);
        properties.put("mail.imap.port", String.valueOf(port));
        properties.put("mail.imap.fetchsize", String.valueOf(fetchSize));
        properties.put("mail.imap.partialfetch", String.valueOf(partialFetch));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(user, user);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        return new RawBaseline(store, inbox, database);
    }

    /** Processes every mail in the INBOX; returns how many. */
    int drain() throws MessagingException, SQLException {
        int count = 0;
        try (PreparedStatement insert = database.prepareStatement(
                "INSERT INTO bench_baseline (message_id, sha256, size) VALUES (?, ?, ?)")) {
            for (Message message : inbox.getMessages()) {
                ((IMAPMessage) message).setPeek(true);
                ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
                try {
                    message.writeTo(raw);
                } catch (java.io.IOException e) {
                    throw new MessagingException("fetch failed", e);
                }
                byte[] bytes = raw.toByteArray();
                insert.setString(1, messageId(bytes));
                insert.setString(2, sha256(bytes));
                insert.setInt(3, bytes.length);
                insert.executeUpdate();
                message.setFlag(Flags.Flag.SEEN, true);
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws MessagingException {
        try {
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    /** The Message-ID read from the raw header block, without another IMAP round trip. */
    private static String messageId(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 8192), StandardCharsets.ISO_8859_1);
        int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("\nmessage-id:");
        if (at < 0) {
            return null;
        }
        int end = head.indexOf('\r', at + 1);
        return head.substring(at + 12, end < 0 ? head.length() : end).trim();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
