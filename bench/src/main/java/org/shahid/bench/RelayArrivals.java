package org.shahid.bench;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each recipient's first mail reached the bench's GreenMail relay, recorded by GreenMail's own delivery thread
 * as it hands the mail to the mailbox. Nothing polls: asking GreenMail for its received messages copies every one of
 * them, and doing that every 10 ms cost Shahid CPU quadratic in the run. The instant is taken when the relay
 * accepted the mail's DATA, so latencies are exact rather than rounded up to a poll.
 *
 * <p>The relay stands for the MTA Shahid hands its mail to, so after the arrival is noted the mail is dropped, as an
 * MTA would pass it on: filed into GreenMail's mailboxes, each acknowledgement was parsed again for IMAP and each
 * reporter got a new account, which took half the bench JVM's CPU during Shahid's text burst (async-profiler) on
 * the cores Shahid was being measured on. Nothing reads the relay's mailboxes. Thread-safe.
 */
final class RelayArrivals {

    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();

    private RelayArrivals() {
    }

    /** Starts recording on {@code relay}; call once, before anything is sent to it. */
    static RelayArrivals listenTo(GreenMail relay) {
        RelayArrivals arrivals = new RelayArrivals();
        relay.getUserManager().setMessageDeliveryHandler((message, address) -> {
            arrivals.firstArrivalNanos.putIfAbsent(address.getEmail(), System.nanoTime());
            return new PassedOn(address.getEmail());
        });
        return arrivals;
    }

    /** The recipient of a mail the relay has accepted and passes on: it keeps nothing. */
    private record PassedOn(String email) implements GreenMailUser {

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage message) {
            // passed on: nothing is kept
        }

        @Override
        public void deliver(MimeMessage message) {
            // passed on: nothing is kept
        }

        @Override
        public void create() {
            // no mailbox to create
        }

        @Override
        public void delete() {
            // no mailbox to delete
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
            throw new UnsupportedOperationException("the bench's relay has no accounts");
        }

        @Override
        public void authenticate(String password) throws com.icegreen.greenmail.user.UserException {
            throw new com.icegreen.greenmail.user.UserException("the bench's relay has no accounts");
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }

    /** Recipient address → {@link System#nanoTime()} of its first mail; a live view. */
    Map<String, Long> firstArrivalNanos() {
        return firstArrivalNanos;
    }
}
