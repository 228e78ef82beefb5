package org.shahid.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A verb that CONTRACT.md reserves for a feature not in this build: it says so in one line and exits 2, so a
 * script can tell "not available" from "failed".
 */
@Command(mixinStandardHelpOptions = true)
public final class PendingCommand implements Callable<Integer> {

    private final String verb;
    private final String feature;

    @Parameters(arity = "0..*", hidden = true)
    String[] ignored;

    public PendingCommand(String verb, String feature) {
        this.verb = verb;
        this.feature = feature;
    }

    @Override
    public Integer call() {
        System.err.println("shahid " + verb + ": not available in this build (" + feature + " is not built yet)");
        return 2;
    }
}
