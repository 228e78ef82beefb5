package org.shahid.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Dovecot IMAP server of the benchmark's own: configuration, passwd file, Maildirs, sockets and log all in one
 * temporary folder, listening on loopback only, plain IMAP without TLS. Mail is delivered by writing files into a
 * Maildir's {@code new/} folder, as a local delivery agent would. Not thread-safe; {@link #close()} stops the
 * server (it runs as a child process, {@code dovecot -F}).
 */
public final class PrivateDovecot implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/sbin/dovecot", "/usr/local/sbin/dovecot");

    private final Path folder;
    private final int port;
    private final Process process;
    private final Path runDir;
    private final AtomicLong sequence = new AtomicLong();

    private PrivateDovecot(Path folder, int port, Process process, Path runDir) {
        this.folder = folder;
        this.port = port;
        this.process = process;
        this.runDir = runDir;
    }

    /**
     * Dovecot's sockets live in base_dir, and a unix socket path may not exceed 108 bytes: a deep work folder
     * (a build's target/test-classes/junit-…) gets a short folder under /tmp instead.
     */
    private static Path runDirectory(Path folder) throws IOException {
        Path run = folder.resolve("run");
        if (run.toAbsolutePath().toString().length() <= 50) {
            return run;
        }
        Path shortRun = Files.createTempDirectory(Path.of("/tmp"), "shd-dc-");
        Files.setPosixFilePermissions(shortRun, PosixFilePermissions.fromString("rwxr-xr-x"));
        return shortRun;
    }

    /** Starts Dovecot with one mailbox per user; every user's password is the user name. */
    public static PrivateDovecot start(Path folder, List<String> users) throws IOException, InterruptedException {
        String binary = CANDIDATES.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Dovecot is not installed: the benchmark needs a real"
                        + " IMAP server. Install it with `apt-get install -y dovecot-imapd` (Debian/Ubuntu)"));
        // Dovecot's login processes run as an unprivileged user and must reach base_dir.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        StringBuilder passwd = new StringBuilder();
        for (String user : users) {
            passwd.append(user).append(":{PLAIN}").append(user).append("\n");
            for (String sub : List.of("new", "cur", "tmp")) {
                Files.createDirectories(maildir(folder, user).resolve(sub));
            }
        }
        String mailUser = mailUser();
        if (!mailUser.equals(System.getProperty("user.name"))) {
            UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(mailUser);
            try (var paths = Files.walk(folder.resolve("mail"))) {
                for (Path path : paths.toList()) {
                    Files.setOwner(path, owner);
                }
            }
        }
        Files.writeString(folder.resolve("passwd"), passwd);
        Path config = folder.resolve("dovecot.conf");
        Path runDir = runDirectory(folder);
        Files.writeString(config, configuration(folder, port, runDir), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary, "-F", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("dovecot.out").toFile())
                .start();
        PrivateDovecot dovecot = new PrivateDovecot(folder, port, process, runDir);
        dovecot.awaitListening();
        return dovecot;
    }

    private static String configuration(Path folder, int port, Path runDir) {
        String user = mailUser();
        return """
                protocols = imap
                listen = 127.0.0.1
                base_dir = %5$s
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                auth_mechanisms = plain
                disable_plaintext_auth = no
                mail_location = maildir:%1$s/mail/%%u
                mail_uid = %3$s
                mail_gid = %4$s
                first_valid_uid = 0
                first_valid_gid = 0
                mail_max_userip_connections = 200
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN %1$s/passwd
                }
                userdb {
                  driver = static
                  args = home=%1$s/mail/%%u
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                """.formatted(folder.toAbsolutePath(), port, user, mailGroup(), runDir.toAbsolutePath());
    }

    /**
     * The account Dovecot reads the Maildirs as: the current user, except that Dovecot refuses mail access as root,
     * so a root run uses {@code nobody} (files delivered by root stay readable to it).
     */
    private static String mailUser() {
        String user = System.getProperty("user.name");
        return "root".equals(user) ? "nobody" : user;
    }

    private static String mailGroup() {
        return "root".equals(System.getProperty("user.name")) ? "nogroup"
                : String.valueOf(new com.sun.security.auth.module.UnixSystem().getGid());
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Dovecot stopped at start: "
                        + tail(folder.resolve("dovecot.out")) + " " + tail(folder.resolve("dovecot.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Dovecot did not listen on port " + port + " within 15 s");
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    public int port() {
        return port;
    }

    /** The Dovecot master's process id: its {@code imap} processes are its children. */
    public long pid() {
        return process.pid();
    }

    /** Delivers one raw mail to a user's INBOX the way a local delivery agent does: write in tmp/, rename to new/. */
    public void deliver(String user, byte[] raw) throws IOException {
        Path box = maildir(folder, user);
        String name = System.currentTimeMillis() / 1000 + ".B" + sequence.incrementAndGet() + ".shahid-bench";
        Path temporary = box.resolve("tmp").resolve(name);
        Files.write(temporary, raw);
        Files.move(temporary, box.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path maildir(Path folder, String user) {
        return folder.resolve("mail").resolve(user);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (!runDir.startsWith(folder)) {
            try (var paths = Files.walk(runDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A leftover socket folder in /tmp is harmless; the OS cleans /tmp.
            }
        }
    }
}
