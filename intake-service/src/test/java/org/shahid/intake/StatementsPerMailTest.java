package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Intake's cost in database round trips, a measure that does not depend on the machine's load (unlike a timing):
 * the statements intake runs for a plain new report, counted on the threads that poll and work ahead. The
 * outbox and the examiner run on threads of their own and are not counted.
 */
class StatementsPerMailTest {

    private static final int MAILS = 5;
    /**
     * Measured: 11.2 (6 rows of the ticket, its history rows in one batch, 2 outbox statements, 2 per-sender limits;
     * the cap for all senders is leased over a connection of its own, once per 40 reports at the default cap, and
     * is not counted here). It was 17.8 with a statement per history row, the cap in the transaction and three
     * reads for the monitors' notification of a ticket opened in the same transaction.
     */
    private static final double MOST_STATEMENTS_PER_MAIL = 12;

    @TempDir
    Path state;

    @Test
    void aPlainNewReportCostsFewStatements() {
        Map<String, Integer> byStatement = new ConcurrentHashMap<>();
        try (RunningShahid shahid = RunningShahid.start(state)) {
            shahid.service().database().jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    String thread = Thread.currentThread().getName();
                    if (thread.startsWith("shahid-scheduler") || thread.startsWith("shahid-intake")) {
                        String sql = context.getRenderedSql().strip().replaceAll("\\s+", " ");
                        byStatement.merge(sql.substring(0, Math.min(60, sql.length())), 1, Integer::sum);
                    }
                }
            });
            for (int i = 0; i < MAILS; i++) {
                shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("Reporter <r" + i + "@example.org>",
                        RunningShahid.REPORT, "Report " + i, "Ballot boxes were carried off at station " + i + "."));
                shahid.awaitCount("SELECT COUNT(*) FROM ticket", i + 1);
            }
        }

        double perMail = byStatement.values().stream().mapToInt(Integer::intValue).sum() / (double) MAILS;
        String breakdown = byStatement.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                .sorted().collect(Collectors.joining("\n"));
        assertThat(perMail).as("statements per mail:%n%s", breakdown).isLessThanOrEqualTo(MOST_STATEMENTS_PER_MAIL);
        assertThat(byStatement.keySet()).as("each mail committed its ticket").anyMatch(sql -> sql.startsWith(
                "INSERT INTO ticket ("));
    }
}
