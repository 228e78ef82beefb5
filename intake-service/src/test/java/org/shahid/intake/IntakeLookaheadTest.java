package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lookahead starts the next mails of a poll on workers, within its limits, and hands each result back once. */
class IntakeLookaheadTest {

    private final List<Message> poll = mails(10);

    @Test
    void startsTheFollowingMailsOnOtherThreadsAndReturnsEachResultToItsOwnMail() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Message> prepared = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        try (IntakeLookahead lookahead = new IntakeLookahead(new IntakeLookahead.Limits(3, 4, 1 << 20))) {
            lookahead.startAhead(poll, poll.get(0), message -> {
                prepared.add(message);
                return Optional.of(new IntakeLookahead.Started(() -> {
                    release.await(10, TimeUnit.SECONDS);
                    threads.add(Thread.currentThread().getName());
                    return message.getMessageNumber() % 2 == 0 ? IngestMail.Disposition.QUARANTINED
                            : IngestMail.Disposition.DONE;
                }, 100));
            });

            // At most 4 unfinished mails in flight.
            assertThat(prepared).containsExactlyElementsOf(poll.subList(1, 5));
            release.countDown();
            assertThat(lookahead.await(poll.get(0))).as("the current mail is the route's own").isEmpty();
            assertThat(lookahead.await(poll.get(1))).contains(IngestMail.Disposition.QUARANTINED); // mail 2
            assertThat(lookahead.await(poll.get(2))).contains(IngestMail.Disposition.DONE); // mail 3
            assertThat(lookahead.await(poll.get(2))).as("a result is handed back once").isEmpty();
            assertThat(threads).allMatch(name -> name.startsWith("shahid-intake-"));
        }
    }

    @Test
    void stopsStartingMailsOnceTheBytesInFlightReachTheLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        List<Message> prepared = Collections.synchronizedList(new ArrayList<>());
        try (IntakeLookahead lookahead = new IntakeLookahead(new IntakeLookahead.Limits(2, 8, 250))) {
            IntakeLookahead.TaskFactory slow = message -> {
                prepared.add(message);
                CountDownLatch gate = prepared.size() <= 2 ? release : never;
                return Optional.of(new IntakeLookahead.Started(() -> {
                    gate.await(2, TimeUnit.SECONDS);
                    return IngestMail.Disposition.DONE;
                }, 100));
            };
            lookahead.startAhead(poll, poll.get(0), slow);
            // Each test mail declares about 100 bytes: the third would pass 250 while the first two still run.
            assertThat(prepared).hasSize(2);
            release.countDown();
            assertThat(lookahead.await(poll.get(1))).contains(IngestMail.Disposition.DONE);
            assertThat(lookahead.await(poll.get(2))).contains(IngestMail.Disposition.DONE);
            lookahead.startAhead(poll, poll.get(2), slow);
            assertThat(prepared).hasSize(4);
        }
    }

    @Test
    void aFailureOfAMailStartedAheadReachesTheRouteAsItself() throws Exception {
        try (IntakeLookahead lookahead = new IntakeLookahead(new IntakeLookahead.Limits(1, 2, 1 << 20))) {
            lookahead.startAhead(poll, poll.get(0), message -> Optional.of(new IntakeLookahead.Started(() -> {
                throw new IntakeFailure("waits for the next poll");
            }, 10)));
            assertThatThrownBy(() -> lookahead.await(poll.get(1))).isInstanceOf(IntakeFailure.class)
                    .hasMessage("waits for the next poll");
        }
    }

    @Test
    void withoutWorkersEveryMailIsLeftToTheRoute() throws Exception {
        try (IntakeLookahead lookahead = new IntakeLookahead(IntakeLookahead.Limits.off())) {
            lookahead.startAhead(poll, poll.get(0), message -> {
                throw new AssertionError("nothing may be prepared");
            });
            assertThat(lookahead.await(poll.get(1))).isEmpty();
        }
    }

    /** Real mails of about 100 bytes each, numbered as an IMAP folder numbers them. */
    private static List<Message> mails(int count) {
        Session session = Session.getInstance(new Properties());
        List<Message> mails = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int number = i;
            mails.add(new MimeMessage(session) {
                {
                    setMessageNumber(number);
                }

                @Override
                public int getSize() {
                    return 100;
                }
            });
        }
        return mails;
    }
}
