package org.shahid.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The text {@code demo} prints on start: where to send a report, a ready-to-paste {@code swaks} command, how to read
 * the acknowledgement over IMAP, and which database is in use. An immutable value, so thread-safe.
 *
 * @param host the mail server's host, as clients should dial it
 * @param smtpPort the demo's SMTP port
 * @param imapPort the demo's IMAP port
 * @param database one line naming the database, already free of secrets (see the factories)
 */
public record DemoBanner(String host, int smtpPort, int imapPort, String database) {

    /** The reporter address the banner's examples use; GreenMail creates its mailbox on first delivery. */
    public static final String EXAMPLE_REPORTER = "you@example.org";

    // password=... in the query string, and user:password@ before the host: both must stay off the console.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]+):[^/@]*@");

    /** The banner for a demo on the embedded MariaDB whose data lives in {@code dataDir}. */
    public static DemoBanner withEmbeddedDatabase(DemoMailServer mail, Path dataDir) {
        return new DemoBanner(mail.host(), mail.smtpPort(), mail.imapPort(),
                "embedded MariaDB, data in " + dataDir.toAbsolutePath());
    }

    /** The banner for a demo on the MariaDB named by {@code SHAHID_DB_URL}; any password in the URL is masked. */
    public static DemoBanner withExternalDatabase(DemoMailServer mail, String jdbcUrl) {
        return new DemoBanner(mail.host(), mail.smtpPort(), mail.imapPort(),
                "external MariaDB at " + withoutPassword(jdbcUrl) + " (from SHAHID_DB_URL)");
    }

    /** The JDBC URL with any password replaced by {@code ***}. */
    static String withoutPassword(String jdbcUrl) {
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1:***@");
    }

    /** The banner as printed, lines separated by {@code \n}. */
    public String text() {
        String smtp = host + ":" + smtpPort;
        String imap = host + ":" + imapPort;
        return String.join("\n",
                "Shahid demo is running. Press Ctrl+C to stop.",
                "",
                "Send mail (plain SMTP, no TLS, no login) to " + smtp + ":",
                "  " + DemoMailServer.REPORT_ADDRESS + "  to report an election violation",
                "  " + DemoMailServer.INFO_ADDRESS + "    for comments and suggestions",
                "",
                "Try it (paste into a shell):",
                "  swaks --server " + smtp + " --to " + DemoMailServer.REPORT_ADDRESS + " --from " + EXAMPLE_REPORTER
                        + " --header \"Subject: Ballot box removed at school 12\""
                        + " --body \"At 10:00 two men carried the ballot box out of polling station 12.\"",
                "",
                "Read the acknowledgement with any IMAP client (no TLS):",
                "  server " + imap + ", login " + EXAMPLE_REPORTER + ", password " + EXAMPLE_REPORTER,
                "  (every address that receives mail gets a mailbox; login and password are both the address)",
                "  or print the first mail there: curl --url \"imap://" + imap + "/INBOX;MAILINDEX=1\" --user \""
                        + EXAMPLE_REPORTER + ":" + EXAMPLE_REPORTER + "\"",
                "",
                "Monitors' mailboxes: " + DemoMailServer.MONITOR1_ADDRESS + ", " + DemoMailServer.MONITOR2_ADDRESS
                        + " (login = password = address)",
                "Database: " + database);
    }

    @Override
    public String toString() {
        return text();
    }
}
