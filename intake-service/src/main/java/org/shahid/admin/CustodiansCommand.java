package org.shahid.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.shahid.sealing.CustodianCeremony;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.CustodianShare;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.MigrateToCustodians;
import org.shahid.sealing.ReplyWindow;
import org.shahid.sealing.SealExaminedOriginals;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.Sealer;
import org.shahid.sealing.ShareFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code custodians init|rotate|status|migrate}: the custodian key ceremony, which key each record uses, and the
 * conversion of records sealed by earlier versions (docs/custodians.md).
 */
@Command(name = "custodians", mixinStandardHelpOptions = true,
        description = "Custodian keys: init, rotate, status, migrate (see docs/custodians.md).",
        subcommands = {CustodiansCommand.Init.class, CustodiansCommand.Rotate.class, CustodiansCommand.Status.class,
                CustodiansCommand.Migrate.class})
public final class CustodiansCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The options of a ceremony, shared by init and rotate. */
    abstract static class Ceremony implements Callable<Integer> {
        @ParentCommand
        CustodiansCommand custodians;

        @Option(names = "--custodians", required = true, description = "How many custodians (n).")
        int count;

        @Option(names = "--threshold", required = true, description = "How many shares open a record (k).")
        int threshold;

        @Option(names = "--out", required = true,
                description = "Folder for share-1..share-n (removable media: hand each to its custodian, then wipe).")
        Path out;

        @Option(names = "--passphrases",
                description = "A file with one passphrase per line, custodian 1 first (else asked on the terminal).")
        Path passphraseFile;

        abstract boolean rotating();

        @Override
        public Integer call() {
            List<char[]> passphrases = passphrases();
            try (AdminContext context = AdminContext.open(custodians.shahid.settings())) {
                boolean exists = context.database().jdbi().withHandle(CustodianKeys::activeIn).isPresent();
                if (exists && !rotating()) {
                    throw new IllegalArgumentException("a custodian key exists already; use `custodians rotate`");
                }
                if (!exists && rotating()) {
                    throw new IllegalArgumentException("no custodian key to rotate; use `custodians init`");
                }
                ShareFiles.prepareFolder(out, count);
                int iterations = context.settings().integer("shahid.custodians.kdf-iterations");
                CustodianCeremony.Result result = context.database().jdbi().inTransaction(handle ->
                        new CustodianCeremony().create(handle, count, threshold, passphrases, iterations,
                                Instant.now()));
                List<Path> files = ShareFiles.write(out, result.printableShares());
                custodians.out().println("custodian key " + CustodianShare.keyIdText(result.keyId()) + ": " + threshold
                        + " of " + count + " shares open a record; only the public key is stored");
                files.forEach(file -> custodians.out().println("  " + file));
                custodians.out().println("hand each share to its custodian now, then delete these files from this"
                        + " machine: no share may stay on the server");
                return 0;
            } finally {
                passphrases.forEach(passphrase -> Arrays.fill(passphrase, '\0'));
            }
        }

        private List<char[]> passphrases() {
            List<char[]> passphrases = new ArrayList<>();
            if (passphraseFile != null) {
                try {
                    Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty())
                            .forEach(line -> passphrases.add(line.toCharArray()));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + passphraseFile + ": "
                            + e.getClass().getSimpleName());
                }
                return passphrases;
            }
            java.io.Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no terminal to ask the custodians' passphrases; use --passphrases");
            }
            for (int index = 1; index <= count; index++) {
                char[] first = console.readPassword("Passphrase of custodian %d: ", index);
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passphrases of custodian " + index + " differ");
                }
                Arrays.fill(again, '\0');
                passphrases.add(first);
            }
            return passphrases;
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the custodian key pair, split it k of n, write the shares, keep the public key.")
    static final class Init extends Ceremony {
        @Override
        boolean rotating() {
            return false;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "A new custodian key for new records; old records stay readable with the old shares.")
    static final class Rotate extends Ceremony {
        @Override
        boolean rotating() {
            return true;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The custodian keys and which records each one seals; what is still under the server key.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        CustodiansCommand custodians;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(custodians.shahid.settings())) {
                context.database().jdbi().useHandle(handle -> {
                    List<CustodianKeys.KeyStatus> keys = CustodianKeys.statusIn(handle);
                    if (keys.isEmpty()) {
                        custodians.out().println("no custodian key: identity records are sealed under the server key;"
                                + " run `custodians init`");
                    }
                    for (CustodianKeys.KeyStatus key : keys) {
                        custodians.out().printf("key %s  %d of %d  created %s  %s  identity records %d  original"
                                        + " files %d%n", CustodianShare.keyIdText(key.id()), key.threshold(),
                                key.custodians(), key.createdAt(), key.retiredAt() == null ? "ACTIVE"
                                        : "retired " + key.retiredAt(), key.identityRecords(), key.sealedFiles());
                    }
                    long legacy = handle.createQuery("""
                                    SELECT COUNT(*) FROM sealed_identity
                                    WHERE custodian_key_id IS NULL AND purged_at IS NULL""").mapTo(Long.class).one();
                    long legacyMails = handle.createQuery(
                            "SELECT COUNT(*) FROM sealed_identity WHERE sealed_raw LIKE 'mail/%'").mapTo(Long.class).one();
                    long legacyQuarantined = handle.createQuery("""
                                    SELECT COUNT(*) FROM quarantine
                                    WHERE sealed_raw LIKE 'quarantine/%' AND status = 'HELD'""").mapTo(Long.class).one();
                    custodians.out().println("under the server key: " + legacy + " identity record(s), " + legacyMails
                            + " original mail(s), " + legacyQuarantined + " quarantined mail(s)"
                            + (legacy + legacyMails + legacyQuarantined > 0 ? "; run `custodians migrate`" : ""));
                });
                return 0;
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Re-seal records of earlier versions to the custodian key and delete the server-readable"
                    + " copies; resumable, safe to rerun.")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        CustodiansCommand custodians;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(custodians.shahid.settings())) {
                Keyring keyring = Keyring.load(context.settings().path("shahid.keys.dir"), false);
                CustodianKeys keys = new CustodianKeys(context.database().jdbi(), Clock.systemUTC());
                SealedBlobStore blobs = new SealedBlobStore(context.settings().path("shahid.data-dir"), keyring, keys);
                MigrateToCustodians.Counts counts = new MigrateToCustodians(context.database().jdbi(),
                        new SealedIdentityDao(new Sealer(keyring), keys), blobs,
                        new SealExaminedOriginals(context.database().jdbi(), blobs, keys),
                        new ReplyWindow(java.time.Duration.ofDays(
                                context.settings().integer("shahid.retention.reply-grace-days"))))
                        .migrate(Instant.now());
                custodians.out().println("migrated: " + counts.identityRecords() + " identity record(s), "
                        + counts.originalMails() + " original mail(s), " + counts.evidenceOriginals()
                        + " evidence original(s), " + counts.quarantinedMails() + " quarantined mail(s)");
                return 0;
            }
        }
    }
}
