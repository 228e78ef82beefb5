package org.shahid.admin.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches Shahid from outside while a phase runs: which mail keys have a committed ticket (new rows in
 * processed_mail joined to ticket, polled every few milliseconds) and which reporters received their
 * acknowledgement at the relay, each with the instant it was first seen. Called from one thread.
 */
final class CommitWatch {

    private final Connection database;
    private final GreenMail relay;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private long lastTicketId;
    private int relaySeen;

    CommitWatch(Connection database, GreenMail relay, long lastTicketId, int relaySeen) {
        this.database = database;
        this.relay = relay;
        this.lastTicketId = lastTicketId;
        this.relaySeen = relaySeen;
    }

    static CommitWatch from(Connection database, GreenMail relay) throws SQLException {
        long last;
        try (PreparedStatement query = database.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM ticket");
             ResultSet result = query.executeQuery()) {
            result.next();
            last = result.getLong(1);
        }
        return new CommitWatch(database, relay, last, relay.getReceivedMessages().length);
    }

    /** Polls both sides once. */
    void poll(boolean acknowledgements) throws SQLException {
        long now = System.nanoTime();
        try (PreparedStatement query = database.prepareStatement(
                "SELECT p.mail_key, t.id FROM ticket t JOIN processed_mail p ON p.ticket_id = t.id WHERE t.id > ?")) {
            query.setLong(1, lastTicketId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    committedAt.putIfAbsent(result.getString(1), now);
                    lastTicketId = Math.max(lastTicketId, result.getLong(2));
                }
            }
        }
        if (acknowledgements) {
            MimeMessage[] received = relay.getReceivedMessages();
            for (int i = relaySeen; i < received.length; i++) {
                for (String recipient : recipients(received[i])) {
                    acknowledgedAt.putIfAbsent(recipient, now);
                }
            }
            relaySeen = received.length;
        }
    }

    private static List<String> recipients(MimeMessage message) {
        List<String> addresses = new ArrayList<>();
        try {
            Address[] all = message.getAllRecipients();
            if (all != null) {
                for (Address address : all) {
                    String text = address.toString();
                    int open = text.indexOf('<');
                    addresses.add(open >= 0 ? text.substring(open + 1, text.indexOf('>', open)) : text);
                }
            }
        } catch (MessagingException ignored) {
            // an unreadable acknowledgement counts as missing
        }
        return addresses;
    }

    Map<String, Long> committedAt() {
        return committedAt;
    }

    Map<String, Long> acknowledgedAt() {
        return acknowledgedAt;
    }
}
