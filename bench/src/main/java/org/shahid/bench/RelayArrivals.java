package org.shahid.bench;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each recipient's first mail reached the bench's GreenMail relay, recorded by GreenMail's own delivery thread
 * as it hands the mail to the mailbox. Nothing polls: asking GreenMail for its received messages copies every one of
 * them, and doing that every 10 ms cost Shahid CPU quadratic in the run. The instant is taken when the relay
 * accepted the mail's DATA, so latencies are exact rather than rounded up to a poll. Thread-safe.
 */
final class RelayArrivals {

    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();

    private RelayArrivals() {
    }

    /** Starts recording on {@code relay}; call once, before anything is sent to it. */
    static RelayArrivals listenTo(GreenMail relay) {
        RelayArrivals arrivals = new RelayArrivals();
        UserManager users = relay.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            arrivals.firstArrivalNanos.putIfAbsent(address.getEmail(), System.nanoTime());
            return delivery.handle(message, address);
        });
        return arrivals;
    }

    /** Recipient address → {@link System#nanoTime()} of its first mail; a live view. */
    Map<String, Long> firstArrivalNanos() {
        return firstArrivalNanos;
    }
}
