package org.shahid.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.shahid.sealing.CustodianShare;
import org.shahid.sealing.SealingException;

/**
 * Reads the custodian shares named by repeated {@code --share} options, each opened with its custodian's
 * passphrase: {@value #PASSPHRASE_VARIABLE}_1, _2, … by position, {@value #PASSPHRASE_VARIABLE} when only one share
 * is given, else asked on the terminal. A share is held in memory only. Not thread-safe.
 */
final class PresentedShares {

    static final String PASSPHRASE_VARIABLE = "SHAHID_CUSTODIAN_PASSPHRASE";

    private PresentedShares() {
    }

    /**
     * The opened shares; when one does not open, those read so far are wiped and {@code refusal} turns the reason
     * into the exception to throw (after auditing it).
     */
    static List<CustodianShare> read(ShahidCommand shahid, List<String> sources,
                                     Function<String, RuntimeException> refusal) {
        List<CustodianShare> shares = new ArrayList<>();
        for (int position = 1; position <= sources.size(); position++) {
            String source = sources.get(position - 1);
            char[] passphrase = passphrase(shahid, position, sources.size(), source);
            try {
                shares.add(CustodianShare.fromPrintable(text(source), passphrase));
            } catch (SealingException e) {
                shares.forEach(CustodianShare::wipe);
                throw refusal.apply(sources.size() == 1 ? e.getMessage() : "share " + position + ": " + e.getMessage());
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        return shares;
    }

    private static char[] passphrase(ShahidCommand shahid, int position, int count, String source) {
        String numbered = shahid.environment().get(PASSPHRASE_VARIABLE + "_" + position);
        if (numbered != null && !numbered.isEmpty()) {
            return numbered.toCharArray();
        }
        String single = shahid.environment().get(PASSPHRASE_VARIABLE);
        if (count == 1 && single != null && !single.isEmpty()) {
            return single.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask the custodian's passphrase; set "
                    + (count == 1 ? PASSPHRASE_VARIABLE : PASSPHRASE_VARIABLE + "_" + position));
        }
        char[] typed = console.readPassword("Passphrase of the custodian of %s: ", source);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no passphrase given");
        }
        return typed;
    }

    private static String text(String source) {
        try {
            if ("-".equals(source)) {
                return new String(System.in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            return Files.readString(Path.of(source), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the share " + source + ": " + e.getClass().getSimpleName());
        }
    }
}
